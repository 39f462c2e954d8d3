import type { BoardPack } from './domain/board-pack.js';
import { boardPackHtml } from './html/board-pack.html.js';
import { boardPackPdf } from './pdf/board-pack.pdf.js';

export const BOARD_PACK_FORMATS = ['html', 'pdf'] as const;
export type BoardPackFormat = (typeof BOARD_PACK_FORMATS)[number];

/** A rendered board pack, ready to send or save. */
export interface BoardPackDocument {
  readonly contentType: string;
  readonly fileName: string;
  readonly body: string | Buffer;
}

export async function renderBoardPack(pack: BoardPack, format: BoardPackFormat): Promise<BoardPackDocument> {
  const fileName = boardPackFileName(pack, format);
  if (format === 'pdf') return { contentType: 'application/pdf', fileName, body: await boardPackPdf(pack) };
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
