import { importCommand } from './import-command.js';
import { runCommand } from './run-command.js';

/** `npm run import -- <file> …`: see IMPORT_USAGE in import-args.ts. */
runCommand((argv) => importCommand(argv));
