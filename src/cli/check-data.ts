import { checkDataMain } from './check-data-run.js';
import { runCommand } from './run-command.js';

/** `npm run check-data -- [--data-dir <folder>]`: see CHECK_DATA_USAGE in check-data-args.ts. */
runCommand((argv) => Promise.resolve(checkDataMain(argv)));
