import { invalid } from './errors.js';
import { assertNoPersonalData } from './personal-data.js';
import { LIMITS, optionalText, requiredText } from './text-rules.js';

/**
 * What a RAG change, a note or the monthly update cites, so that a board sees why and not only
 * what: a document (an audit report, minutes, a dashboard) by its reference or link, or a
 * performance measure rated as the council's quarterly reports rate them ("caseload average 18, Q2").
 */
export type Evidence = DocumentEvidence | MeasureEvidence;

export interface DocumentEvidence {
  readonly kind: 'DOCUMENT';
  readonly title: string;
  /** The council's own reference, e.g. "SA-24-03". */
  readonly reference: string | null;
  readonly url: string | null;
}

export interface MeasureEvidence {
  readonly kind: 'MEASURE';
  readonly title: string;
  /** As the report states it: "18", "92%". */
  readonly value: string;
  /** The period it was measured over: "Q2 2024-25". */
  readonly period: string;
}

export type EvidenceKind = Evidence['kind'];
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['DOCUMENT', 'MEASURE'];

/** Evidence as a user sends it: one shape for both kinds, checked by `citedEvidence`. */
export interface CitedEvidence {
  readonly kind: string;
  readonly title?: string | null;
  readonly reference?: string | null;
  readonly url?: string | null;
  readonly value?: string | null;
  readonly period?: string | null;
}

/** A board reads a handful of items beside a reason; more belongs in a linked document. */
export const MAX_EVIDENCE = 5;
const MEASURE_TEXT = 40;

/** The evidence cited, checked; empty when none was sent. Fields are named "evidence[1].url". */
export function citedEvidence(values: readonly CitedEvidence[] | null | undefined): Evidence[] {
  const items = values ?? [];
  if (items.length > MAX_EVIDENCE) {
    throw invalid('evidence', `Cite at most ${MAX_EVIDENCE} items of evidence (got ${items.length})`);
  }
  return items.map((item, index) => checked(item, `evidence[${index}]`));
}

function checked(item: CitedEvidence, at: string): Evidence {
  // Titles are read by boards and published with the plan, as reasons are.
  const title = assertNoPersonalData(`${at}.title`, requiredText(`${at}.title`, item.title, LIMITS.title));
  const notFor = (field: 'reference' | 'url' | 'value' | 'period', kind: string) => {
    if (optionalText(`${at}.${field}`, item[field], LIMITS.url) !== null)
      throw invalid(`${at}.${field}`, `${field} is not recorded for ${kind} evidence`);
  };
  switch (item.kind) {
    case 'DOCUMENT': {
      notFor('value', 'DOCUMENT');
      notFor('period', 'DOCUMENT');
      const reference = optionalText(`${at}.reference`, item.reference, LIMITS.shortText);
      return { kind: 'DOCUMENT', title, reference, url: webAddress(`${at}.url`, item.url) };
    }
    case 'MEASURE': {
      notFor('reference', 'MEASURE');
      notFor('url', 'MEASURE');
      const value = requiredText(`${at}.value`, item.value, MEASURE_TEXT);
      const period = requiredText(`${at}.period`, item.period, MEASURE_TEXT);
      return { kind: 'MEASURE', title, value, period };
    }
    default:
      throw invalid(`${at}.kind`, `kind must be DOCUMENT or MEASURE (got "${item.kind}")`);
  }
}

/** A link a board pack can show as one: http(s) with a host, never `javascript:` or a file path. */
function webAddress(field: string, value: string | null | undefined): string | null {
  const url = optionalText(field, value, LIMITS.url);
  if (url === null) return null;
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || !['https:', 'http:'].includes(parsed.protocol) || parsed.hostname === '') {
    throw invalid(field, `${field} must be a web address starting with https:// or http://`);
  }
  return url;
}

/** The event data's field: left out when nothing is cited, so such events read as they always did. */
export const citing = (evidence: Evidence[]): { evidence?: Evidence[] } =>
  evidence.length > 0 ? { evidence } : {};

/** Events recorded before evidence existed have none. */
export const evidenceOf = (data: { readonly evidence?: readonly Evidence[] }): readonly Evidence[] =>
  data.evidence ?? [];

/** One item in words: "Caseload average: 18 (Q2 2024-25)", "Supervision audit report (ref SA-24-03)". */
export function evidenceLabel(item: Evidence): string {
  if (item.kind === 'MEASURE') return `${item.title}: ${item.value} (${item.period})`;
  return item.reference === null ? item.title : `${item.title} (ref ${item.reference})`;
}

/** The items in words, one cell's worth: exports and PDFs, where a link cannot be followed anyway. */
export const evidenceText = (evidence: readonly Evidence[]): string =>
  evidence
    .map((item) =>
      item.kind === 'DOCUMENT' && item.url !== null
        ? `${evidenceLabel(item)} <${item.url}>`
        : evidenceLabel(item),
    )
    .join('; ');
