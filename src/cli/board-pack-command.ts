import type { QueryBus } from '@nestjs/cqrs';
import { renderBoardPack, type BoardPackDocument } from '../reports/board-pack-document.js';
import { GetBoardPack } from '../reports/board-pack.query.js';
import type { BoardPackArguments } from './board-pack-args.js';

// Parsing lives apart (board-pack-args.ts) so that --help loads no renderer; tests use both from here.
export { parseBoardPackArguments } from './board-pack-args.js';

/** The pack the arguments ask for, from a running application context. */
export async function produceBoardPack(
  queryBus: QueryBus,
  options: BoardPackArguments,
): Promise<BoardPackDocument> {
  const pack = await queryBus.execute(new GetBoardPack(options.request));
  return renderBoardPack(pack, options.format);
}
