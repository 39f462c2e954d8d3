import { RAG_STYLE } from '../presentation/display.js';

const RAG_CLASSES = Object.entries(RAG_STYLE)
  .map(([rag, style]) => `.rag-${rag.toLowerCase()} { background: ${style.fill}; color: ${style.ink}; }`)
  .join('\n');

/** The board pack's only stylesheet, inlined: the page needs no other file. A4, readable in print. */
export const BOARD_PACK_CSS = `
:root { color: #1a1a1a; background: #fff; font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.35; }
body { max-width: 1120px; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; margin: 1.8rem 0 .6rem; }
h3 { font-size: 1.05rem; margin: 1.1rem 0 .4rem; }
p { margin: .25rem 0; }
.meta { color: #333; }
#audit-trail-head { overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .9rem; }
th, td { border: 1px solid #8c8c8c; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #efefef; }
.number { text-align: right; font-variant-numeric: tabular-nums; }
.ref { white-space: nowrap; font-weight: 700; }
.rag { display: inline-block; min-width: 5em; padding: .05rem .35rem; border: 1px solid #1a1a1a; border-radius: 3px;
  font-weight: 700; text-align: center; white-space: nowrap; }
${RAG_CLASSES}
.no-owner { font-weight: 700; font-style: italic; color: #8a1c1c; }
.text { white-space: pre-line; }
.byline { display: block; color: #555; font-size: .9em; margin-top: .2rem; }
.empty { font-style: italic; color: #444; }
ul.reasons { margin: 0; padding-left: 1.1rem; }
div.evidence { margin-top: .3rem; font-size: .9em; }
.evidence-head { font-weight: 700; }
ul.evidence { margin: 0; padding-left: 1.1rem; }
ul.reasons li + li { margin-top: .3rem; }
td.owners { min-width: 10em; }
ul.owners { margin: 0; padding-left: 1rem; }
ul.owners li + li { margin-top: .2rem; }
.when { white-space: nowrap; }
figure { margin: .4rem 0; }
figcaption { color: #333; margin-top: .3rem; }
svg.trend { width: 100%; max-width: 760px; height: auto; font-family: Arial, Helvetica, sans-serif; }
footer { margin-top: 2rem; font-size: .85em; color: #555; }
@page { size: A4; margin: 14mm; }
@media print {
  :root { font-size: 9.5pt; }
  body { max-width: none; margin: 0; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3, h2 + .meta, h3 + .meta { break-after: avoid; }
  /* A heading's note is never split, so the break avoided after it moves them on with the table. */
  p.meta { break-inside: avoid; }
  tr, figure { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;
