import { BOARD_PACK_USAGE, parseBoardPackArguments, type BoardPackArguments } from './board-pack-args.js';
import { asSignedIn } from './cli-sign-in.js';
import { complain, say } from './run-command.js';

/**
 * `npm run board-pack -- --plan <id> … --token <jwt>`: exit 0 written, 2 bad arguments (including
 * an unknown plan or board meeting, or no sign-in), 1 anything else. Reads the same configuration
 * (DATA_DIR, EVENT_STORE_URL) as the server.
 */
export async function boardPackMain(argv: readonly string[]): Promise<number> {
  const parsed = parseBoardPackArguments(argv);
  if (parsed.kind === 'help') return say(`${BOARD_PACK_USAGE}\n`, 0);
  if (parsed.kind === 'error') return complain(`${parsed.message}\n\n${BOARD_PACK_USAGE}\n`, 2);
  const { options } = parsed;
  if (options.format === 'pdf' && !options.out && process.stdout.isTTY) {
    return complain(`A PDF is not for the terminal: give --out <file>, or redirect the output\n`, 2);
  }
  return writeBoardPack(options);
}

function writeBoardPack(options: BoardPackArguments): Promise<number> {
  return asSignedIn({ token: options.token, capability: 'read', via: 'cli' }, async (actor) => {
    // The application is loaded only once there is a pack to make: --help answers at once.
    const { writeAs } = await import('./board-pack-write.js');
    return writeAs(actor, options);
  });
}
