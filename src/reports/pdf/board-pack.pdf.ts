import type { BoardPack } from '../domain/board-pack.js';
import {
  asAtText,
  AUDIT_TRAIL_HEAD_NOTE,
  auditTrailHeadText,
  OVERDUE_RULE,
  overdueText,
  shortDescription,
  STALE_RULE,
  staleHeading,
  staleNotListedText,
  staleText,
} from '../presentation/board-pack-text.js';
import { formatDay, inspectionText, statusLabel } from '../presentation/display.js';
import { findings, summary, themes } from './board-pack-sections.pdf.js';
import { changes, slipped } from './changes.pdf.js';
import { BOLD, heading, note, openPdf, pageFooters, paragraph } from './pdf-document.js';
import { drawRagTrend } from './rag-trend.pdf.js';

/** The board pack as a PDF: the same sections as the HTML page, from the same BoardPack. */
export function boardPackPdf(pack: BoardPack): Promise<Buffer> {
  const { doc, bytes } = openPdf(`Board pack: ${pack.title}`);
  heading(doc, pack.title, 1);
  for (const line of [
    pack.localAuthority,
    inspectionText(pack.inspection),
    `Plan status: ${statusLabel(pack.status)}`,
  ]) {
    if (line) paragraph(doc, line);
  }
  paragraph(doc, asAtText(pack), BOLD);
  const head = auditTrailHeadText(pack);
  if (head) {
    paragraph(doc, head, BOLD);
    paragraph(doc, AUDIT_TRAIL_HEAD_NOTE);
  }
  summary(doc, pack);
  themes(doc, pack);
  changes(doc, pack);
  slipped(doc, pack);
  heading(doc, 'Overdue actions');
  note(doc, OVERDUE_RULE);
  findings(doc, pack.overdue, 'Why overdue', overdueText, 'No overdue actions.');
  heading(doc, staleHeading(pack));
  note(doc, STALE_RULE);
  findings(doc, pack.stale, 'Last progress note', staleText, 'No stale actions.');
  const notListed = staleNotListedText(pack);
  if (notListed) paragraph(doc, notListed);
  heading(doc, 'RAG trend');
  drawRagTrend(doc, pack.trend);
  pageFooters(doc, `Board pack: ${shortDescription(pack.title, 90)}, as at ${formatDay(pack.asAtDay)}`);
  doc.end();
  return bytes;
}
