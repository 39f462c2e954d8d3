import type { ActionRow, BoardPack } from '../domain/board-pack.js';
import {
  OVERDUE_RULE,
  overdueText,
  shortDescription,
  STALE_RULE,
  staleHeading,
  staleNotListedText,
  staleText,
} from '../presentation/board-pack-text.js';
import { formatPlanDate, noteByline, themeTitle } from '../presentation/display.js';
import { markup, type SafeHtml } from './escape.js';
import { evidenceList } from './evidence.html.js';
import { empty, head, owners, ragBadge, ref, text } from './fragments.html.js';

function latestNote(action: ActionRow): SafeHtml {
  const note = action.latestNote;
  if (!note) return markup`<td><span class="empty">No progress note yet</span></td>`;
  return markup`<td><span class="text">${note.text}</span>${evidenceList(note.evidence)}<span class="byline">${noteByline(note)}</span></td>`;
}

export function themesSection(pack: BoardPack): SafeHtml {
  return markup`<section id="themes">
    <h2>Actions by theme</h2>
    ${pack.themes.map(
      (theme) =>
        markup`<h3>${themeTitle(theme)}</h3>
          ${
            theme.actions.length === 0
              ? empty('No actions.')
              : markup`<table>
                  ${head('Ref', 'Action', 'Owners', 'Commencing', 'Due by', 'RAG', 'Latest progress')}
                  <tbody>
                    ${theme.actions.map(
                      (action) =>
                        markup`<tr>
                          ${ref(action.ref)}${text(action.description)}${owners(action)}
                          <td>${formatPlanDate(action.commencing)}</td>
                          <td>${formatPlanDate(action.dueBy)}</td>
                          <td>${ragBadge(action.rag)}</td>
                          ${latestNote(action)}
                        </tr> `,
                    )}
                  </tbody>
                </table>`
          } `,
    )}
  </section>`;
}

export function overdueSection(pack: BoardPack): SafeHtml {
  return markup`<section id="overdue">
    <h2>Overdue actions</h2>
    <p class="meta">${OVERDUE_RULE}</p>
    ${actionList(pack.overdue, 'No overdue actions.', 'Why overdue', overdueText)}
  </section>`;
}

export function staleSection(pack: BoardPack): SafeHtml {
  return markup`<section id="stale">
    <h2>${staleHeading(pack)}</h2>
    <p class="meta">${STALE_RULE}</p>
    ${actionList(pack.stale, 'No stale actions.', 'Last progress note', staleText)}
    ${staleNotListedText(pack) ? markup`<p class="meta">${staleNotListedText(pack)}</p>` : ''}
  </section>`;
}

/** Overdue and stale actions share one table: ref, action, owners, RAG, and why it is listed. */
function actionList<T extends BoardPack['overdue'][number] | BoardPack['stale'][number]>(
  actions: readonly T[],
  none: string,
  why: string,
  reason: (action: T) => SafeHtml | string,
): SafeHtml {
  if (actions.length === 0) return empty(none);
  return markup`<table>
    ${head('Ref', 'Action', 'Owners', 'RAG', why)}
    <tbody>
      ${actions.map(
        (action) =>
          markup`<tr>
            ${ref(action.ref)}
            <td>${shortDescription(action.description)}</td>
            ${owners(action)}
            <td>${ragBadge(action.rag)}</td>
            <td>${reason(action)}</td>
          </tr> `,
      )}
    </tbody>
  </table>`;
}
