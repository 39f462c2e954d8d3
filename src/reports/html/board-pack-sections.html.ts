import type { ActionRow, BoardPack } from '../domain/board-pack.js';
import {
  OVERDUE_RULE,
  otherChangeRows,
  overdueText,
  shortDescription,
  sinceText,
  staleHeading,
  staleText,
} from '../presentation/board-pack-text.js';
import { directionLabel, formatPlanDate, NO_OWNER, noteByline, themeTitle } from '../presentation/display.js';
import { ragBadge } from './fragments.html.js';
import { markup, type SafeHtml } from './escape.js';

const head = (...columns: string[]) =>
  markup`<thead>
    <tr>
      ${columns.map((column) => markup`<th scope="col">${column}</th>`)}
    </tr>
  </thead>`;
const empty = (text: string) => markup`<p class="empty">${text}</p>`;
const ref = (value: string) => markup`<td class="ref">${value}</td>`;
const text = (value: string) => markup`<td class="text">${value}</td>`;

/** Owners, or a visible flag when nobody owns the action. */
const owners = (action: ActionRow) =>
  action.owners.length > 0
    ? markup`<td>${action.owners.map((owner, index) => markup`${index > 0 ? markup`<br />` : ''}${owner}`)}</td>`
    : markup`<td><span class="no-owner">${NO_OWNER}</span></td>`;

function latestNote(action: ActionRow): SafeHtml {
  const note = action.latestNote;
  if (!note) return markup`<td><span class="empty">No progress note yet</span></td>`;
  return markup`<td><span class="text">${note.text}</span><span class="byline">${noteByline(note)}</span></td>`;
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

export function changesSection(pack: BoardPack): SafeHtml {
  const { changes } = pack;
  const others = otherChangeRows(changes);
  return markup`<section id="changes">
    <h2>Changes ${sinceText(changes)}</h2>
    <h3>RAG movements</h3>
    ${
      changes.ragMovements.length === 0
        ? empty('No RAG movements.')
        : markup`<table>
            ${head('Ref', 'From', 'To', 'Direction', 'Reasons given')}
            <tbody>
              ${changes.ragMovements.map(
                (movement) =>
                  markup`<tr>
                    ${ref(movement.ref)}
                    <td>${ragBadge(movement.from)}</td>
                    <td>${ragBadge(movement.to)}</td>
                    <td>${directionLabel(movement.direction)}</td>
                    <td>
                      <ul class="reasons">
                        ${movement.reasons.map((reason) => markup`<li>${reason}</li>`)}
                      </ul>
                    </td>
                  </tr> `,
              )}
            </tbody>
          </table>`
    }
    <h3>New progress notes</h3>
    ${
      changes.newNotes.length === 0
        ? empty('No new progress notes.')
        : markup`<table>
            ${head('Ref', 'Progress note', 'Recorded by')}
            <tbody>
              ${changes.newNotes.map(
                (note) =>
                  markup`<tr>
                    ${ref(note.ref)}${text(note.text)}
                    <td>${noteByline(note)}</td>
                  </tr> `,
              )}
            </tbody>
          </table>`
    }
    <h3>Other changes</h3>
    ${
      others.length === 0
        ? empty('No actions added, withdrawn or edited.')
        : markup`<table>
            ${head('Ref', 'Change', 'Before', 'After')}
            <tbody>
              ${others.map(
                (row) =>
                  markup`<tr>
                    ${ref(row.ref)}
                    <td>${row.field}</td>
                    ${text(row.from)}${text(row.to)}
                  </tr> `,
              )}
            </tbody>
          </table>`
    }
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
    ${actionList(pack.stale, 'No stale actions.', 'Last progress note', staleText)}
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
