import type { BoardPack } from '../domain/board-pack.js';
import {
  asAtColumn,
  NET_RAG_NOTE,
  netDirectionText,
  otherChangeRows,
  periodStartText,
  RAG_MOVEMENTS_NOTE,
  shortDescription,
  sinceText,
  SLIPPAGE_RULE,
} from '../presentation/board-pack-text.js';
import { daysSlippedText, noteByline, scheduleText } from '../presentation/display.js';
import { markup, type SafeHtml } from './escape.js';
import { textWithEvidence } from './evidence.html.js';
import { empty, head, ragBadge, recordedCells, ref, text } from './fragments.html.js';

/* "What changed since the last board" and "Slipped since the last board". */

export function changesSection(pack: BoardPack): SafeHtml {
  const { changes } = pack;
  return markup`<section id="changes">
    <h2>Changes ${sinceText(changes)}</h2>
    <h3>RAG movements</h3>
    <p class="meta">${RAG_MOVEMENTS_NOTE}</p>
    ${
      changes.ragMovements.length === 0
        ? empty('No RAG movements.')
        : markup`<table>
            ${head('Ref', 'From', 'To', 'Reason given', 'Recorded by', 'Recorded', 'Effective')}
            <tbody>
              ${changes.ragMovements.map(
                (movement) =>
                  markup`<tr>
                    ${ref(movement.ref)}
                    <td>${ragBadge(movement.from)}</td>
                    <td>${ragBadge(movement.to)}</td>
                    ${textWithEvidence(movement.reason, movement.evidence)}${recordedCells(movement)}
                  </tr> `,
              )}
            </tbody>
          </table>`
    }
    ${netRagChanges(pack)} ${newNotes(pack)} ${otherChanges(pack)}
  </section>`;
}

function netRagChanges(pack: BoardPack): SafeHtml {
  const net = pack.changes.netRagChanges;
  return markup`<h3>Net RAG change per action</h3>
    <p class="meta">${NET_RAG_NOTE}</p>
    ${
      net.length === 0
        ? empty('No action’s RAG differs from the start of the period.')
        : markup`<table>
            ${head('Ref', periodStartText(pack.changes), asAtColumn(pack), 'Direction', 'Movements')}
            <tbody>
              ${net.map(
                (change) =>
                  markup`<tr>
                    ${ref(change.ref)}
                    <td>${ragBadge(change.from)}</td>
                    <td>${ragBadge(change.to)}</td>
                    <td>${netDirectionText(change)}</td>
                    <td class="number">${change.movements}</td>
                  </tr> `,
              )}
            </tbody>
          </table>`
    }`;
}

function newNotes({ changes }: BoardPack): SafeHtml {
  return markup`<h3>New progress notes</h3>
    ${
      changes.newNotes.length === 0
        ? empty('No new progress notes.')
        : markup`<table>
            ${head('Ref', 'Progress note', 'Recorded by')}
            <tbody>
              ${changes.newNotes.map(
                (note) =>
                  markup`<tr>
                    ${ref(note.ref)}${textWithEvidence(note.text, note.evidence)}
                    <td>${noteByline(note)}</td>
                  </tr> `,
              )}
            </tbody>
          </table>`
    }`;
}

function otherChanges({ changes }: BoardPack): SafeHtml {
  const others = otherChangeRows(changes);
  return markup`<h3>Other changes</h3>
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
    }`;
}

export function slippedSection({ changes }: BoardPack): SafeHtml {
  return markup`<section id="slipped">
    <h2>Slipped ${sinceText(changes)}</h2>
    <p class="meta">${SLIPPAGE_RULE}</p>
    ${
      changes.slipped.length === 0
        ? empty('No action was rescheduled.')
        : markup`<table>
            ${head('Ref', 'Action', 'Dates before', 'Dates after', 'Moved', 'Reasons given')}
            <tbody>
              ${changes.slipped.map(
                (slipped) =>
                  markup`<tr>
                    ${ref(slipped.ref)}
                    <td>${shortDescription(slipped.description)}</td>
                    <td>${scheduleText(slipped.from)}</td>
                    <td>${scheduleText(slipped.to)}</td>
                    <td>${daysSlippedText(slipped.daysSlipped)}</td>
                    <td>
                      <ul class="reasons">
                        ${slipped.reschedules.map(
                          (step) =>
                            markup`<li><span class="text">${step.reason}</span><span class="byline">${noteByline(step)}</span></li>`,
                        )}
                      </ul>
                    </td>
                  </tr> `,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}
