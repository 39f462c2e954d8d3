/**
 * `node --import ./register.mjs entry.ts` (a child process) or `import './register.mjs'` (a worker's
 * entry): the TypeScript sources run as they are, through hooks.mjs.
 */
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
