import { offLoop } from '../shared/off-loop/off-loop.js';
import type { BoardPack } from './domain/board-pack.js';
import { boardPackHtml } from './html/board-pack.html.js';
import { drawBoardPackPdf } from './pdf/board-pack-pdf.task.js';

export const BOARD_PACK_FORMATS = ['html', 'pdf'] as const;
export type BoardPackFormat = (typeof BOARD_PACK_FORMATS)[number];

/** A rendered board pack, ready to send or save. */
export interface BoardPackDocument {
  readonly contentType: string;
  readonly fileName: string;
  readonly body: string | Buffer;
}

/**
 * The PDF is drawn off the event loop, within a time and memory cap (an OffLoopLimitError past
 * them); the HTML page is a string built in milliseconds.
 */
export async function renderBoardPack(pack: BoardPack, format: BoardPackFormat): Promise<BoardPackDocument> {
  const fileName = boardPackFileName(pack, format);
  if (format === 'pdf') {
    return { contentType: 'application/pdf', fileName, body: await offLoop().run(drawBoardPackPdf, pack) };
  }
  return { contentType: 'text/html; charset=utf-8', fileName, body: boardPackHtml(pack) };
}

/** "board-pack-isle-of-wight-ilacs-improvement-plan-2024-05-14.pdf": ASCII only, safe in a header. */
export function boardPackFileName(pack: BoardPack, format: BoardPackFormat): string {
  const slug = pack.title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return `board-pack-${slug || 'plan'}-${pack.asAtDay}.${format}`;
}
