import type { RagSummary } from '../../plans/domain/rag.js';
import type { BoardPack } from '../domain/board-pack.js';
import {
  asAtColumn,
  asAtText,
  AUDIT_TRAIL_HEAD_NOTE,
  auditTrailHeadText,
  periodStartText,
} from '../presentation/board-pack-text.js';
import { inspectionText, RAG_ORDER, ragLabel, statusLabel, themeTitle } from '../presentation/display.js';
import { BOARD_PACK_CSS } from './board-pack.css.js';
import { overdueSection, staleSection, themesSection } from './board-pack-sections.html.js';
import { changesSection, slippedSection } from './changes.html.js';
import { markup, SafeHtml } from './escape.js';
import { ragBadge } from './fragments.html.js';
import { ragTrendSvg } from './rag-trend.svg.js';

/**
 * The board pack as one self-contained printable page: inline CSS, inline SVG, no script and no
 * other file. Every piece of user text goes through `markup`, which escapes it.
 */
export function boardPackHtml(pack: BoardPack): string {
  const inspection = inspectionText(pack.inspection);
  return markup`<!doctype html>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Board pack: ${pack.title}</title>
        <style>
          ${new SafeHtml(BOARD_PACK_CSS)}
        </style>
      </head>
      <body>
        <header id="plan">
          <h1>${pack.title}</h1>
          ${pack.localAuthority ? markup`<p class="meta">${pack.localAuthority}</p>` : ''}
          ${inspection ? markup`<p class="meta">${inspection}</p>` : ''}
          <p class="meta">Plan status: ${statusLabel(pack.status)}</p>
          <p class="meta"><strong>${asAtText(pack)}</strong></p>
          ${auditTrailHead(pack)}
        </header>
        <main>
          ${summarySection(pack)} ${themesSection(pack)} ${changesSection(pack)} ${slippedSection(pack)}
          ${overdueSection(pack)} ${staleSection(pack)}
          <section id="rag-trend">
            <h2>RAG trend</h2>
            <figure>
              ${ragTrendSvg(pack.trend, pack.title)}
              <figcaption>${RAG_TREND_CAPTION}</figcaption>
            </figure>
          </section>
        </main>
        <footer>
          Board pack computed from the recorded events of plan ${pack.planId}, version ${pack.version}.
        </footer>
      </body>
    </html> `.value;
}

function auditTrailHead(pack: BoardPack): SafeHtml | string {
  const text = auditTrailHeadText(pack);
  if (!text) return '';
  return markup`<p class="meta" id="audit-trail-head"><strong>${text}</strong></p>
    <p class="meta">${AUDIT_TRAIL_HEAD_NOTE}</p>`;
}

const RAG_TREND_CAPTION =
  'Actions by RAG status each month since the plan was created, replayed from its recorded history.';

function summarySection(pack: BoardPack): SafeHtml {
  const before = pack.changes.ragSummaryBefore;
  const change = (now: number, was: number) =>
    now === was ? '0' : now > was ? `+${now - was}` : `−${was - now}`;
  const row = (label: SafeHtml | string, now: number, was: number) =>
    markup`<tr>
      <th scope="row">${label}</th>
      <td class="number">${now}</td>
      <td class="number">${was}</td>
      <td class="number">${change(now, was)}</td>
    </tr>`;
  return markup`<section id="rag-summary">
    <h2>RAG summary</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">RAG status</th>
          <th scope="col" class="number">${asAtColumn(pack)}</th>
          <th scope="col" class="number">${periodStartText(pack.changes)}</th>
          <th scope="col" class="number">Change</th>
        </tr>
      </thead>
      <tbody>
        ${RAG_ORDER.map(({ rag, count }) => row(ragBadge(rag), pack.ragSummary[count], before[count]))}
        ${row('Total', pack.ragSummary.total, before.total)}
      </tbody>
    </table>
    <h3>By theme</h3>
    <table>
      <thead>
        <tr>
          <th scope="col">Theme</th>
          ${RAG_ORDER.map(({ rag }) => markup`<th scope="col" class="number">${ragLabel(rag)}</th>`)}
          <th scope="col" class="number">Total</th>
        </tr>
      </thead>
      <tbody>
        ${pack.themes.map(
          (theme) =>
            markup`<tr>
              <th scope="row">${themeTitle(theme)}</th>
              ${counts(theme.ragSummary)}
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

const counts = (summary: RagSummary) =>
  markup`${RAG_ORDER.map(({ count }) => markup`<td class="number">${summary[count]}</td>`)}
    <td class="number">${summary.total}</td>`;
