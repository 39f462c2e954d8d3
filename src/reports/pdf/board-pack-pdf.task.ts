import type { OffLoopTask } from '../../shared/off-loop/off-loop.js';
import type { BoardPack } from '../domain/board-pack.js';

/**
 * The board pack PDF, drawn in a worker thread: a plan of a few thousand actions takes pdfkit
 * seconds of synchronous layout, which on the event loop stalled every request (health checks
 * too). 30 s is several times the largest plan an import accepts; 512 MB is several times what
 * such a pack needs (pdfkit buffers the pages for the footers).
 */
export const drawBoardPackPdf: OffLoopTask<BoardPack, Buffer> = {
  name: 'Drawing the board pack PDF',
  moduleUrl: import.meta.url,
  exportName: 'drawBoardPackPdf',
  // pdfkit is loaded by the worker that draws, not by every start of the app.
  run: async (pack) => (await import('./board-pack.pdf.js')).boardPackPdf(pack),
  // A Buffer crosses from the worker as a plain Uint8Array over the same bytes.
  revive: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  limits: { timeMs: 30_000, heapMb: 512 },
};
