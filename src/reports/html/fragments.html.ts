import type { RagStatus } from '../../plans/domain/rag.js';
import type { ActionRow } from '../domain/board-pack.js';
import type { Recorded } from '../domain/changes-since.js';
import { actorName, effectiveText, formatInstant, NO_OWNER, ragLabel } from '../presentation/display.js';
import { markup, type SafeHtml } from './escape.js';

/* Cells and small pieces shared by the sections of the page. */

/** A RAG status as a coloured badge that also says its name: colour is never alone. */
export const ragBadge = (rag: RagStatus): SafeHtml =>
  markup`<span class="rag rag-${rag.toLowerCase()}">${ragLabel(rag)}</span>`;

export const head = (...columns: string[]) =>
  markup`<thead>
    <tr>
      ${columns.map((column) => markup`<th scope="col">${column}</th>`)}
    </tr>
  </thead>`;
export const empty = (text: string) => markup`<p class="empty">${text}</p>`;
export const ref = (value: string) => markup`<td class="ref">${value}</td>`;
export const text = (value: string) => markup`<td class="text">${value}</td>`;

/** Owners as a list, one per line with a bullet, or a visible flag when nobody owns the action. */
export const owners = (action: Pick<ActionRow, 'owners'>) =>
  action.owners.length > 0
    ? markup`<td class="owners"><ul class="owners">${action.owners.map((owner) => markup`<li>${owner}</li>`)}</ul></td>`
    : markup`<td class="owners"><span class="no-owner">${NO_OWNER}</span></td>`;

/** Who recorded a change, when, and the day it took effect: three cells. */
export const recordedCells = (change: Recorded) =>
  markup`<td>${actorName(change)}</td>
    <td class="when">${formatInstant(change.recordedAt)}</td>
    <td class="when">${effectiveText(change)}</td>`;
