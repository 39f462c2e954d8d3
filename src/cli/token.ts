import { runCommand } from './run-command.js';
import { tokenCommand } from './token-command.js';

/** `npm run token -- --name "Jo Smith" --role EDITOR …`: see TOKEN_USAGE in token-command.ts. */
runCommand((argv) => tokenCommand(argv));
