import { boardPackMain } from './board-pack-run.js';
import { runCommand } from './run-command.js';

/** `npm run board-pack -- --plan <id> …`: see BOARD_PACK_USAGE in board-pack-args.ts. */
runCommand((argv) => boardPackMain(argv));
