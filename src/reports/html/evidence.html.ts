import { evidenceLabel, type Evidence } from '../../plans/domain/evidence.js';
import { markup, type SafeHtml } from './escape.js';
import { text } from './fragments.html.js';

/** Only a web address becomes a link (the domain refuses others; a pack must not trust that alone). */
const WEB_ADDRESS = /^https?:\/\/[^/\s]/i;

const item = (evidence: Evidence): SafeHtml =>
  evidence.kind === 'DOCUMENT' && evidence.url !== null && WEB_ADDRESS.test(evidence.url)
    ? markup`<li><a href="${evidence.url}" rel="noopener noreferrer">${evidenceLabel(evidence)}</a></li>`
    : markup`<li>${evidenceLabel(evidence)}</li>`;

/** The documents and measures behind a reason or a note, listed under it; nothing when none. */
export const evidenceList = (evidence: readonly Evidence[]): SafeHtml | null =>
  evidence.length === 0
    ? null
    : markup`<div class="evidence"><span class="evidence-head">Evidence</span><ul class="evidence">${evidence.map(item)}</ul></div>`;

/** A reason or a note with its evidence beneath, in one cell: a board reads why beside what. */
export const textWithEvidence = (value: string, evidence: readonly Evidence[]): SafeHtml =>
  evidence.length === 0
    ? text(value)
    : markup`<td><span class="text">${value}</span>${evidenceList(evidence)}</td>`;
