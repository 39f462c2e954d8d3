import { runCommand } from './run-command.js';
import { verifyMain } from './verify-run.js';

/** `npm run verify -- [--plan <id>] [--expect-head <hash>]`: see VERIFY_USAGE in verify-args.ts. */
runCommand((argv) => verifyMain(argv));
