/* A worker's entry for the tests: the hooks first, then the real entry from the sources. */
import '../../support/run-typescript/register.mjs';

await import('../../../src/shared/off-loop/off-loop.worker.ts');
