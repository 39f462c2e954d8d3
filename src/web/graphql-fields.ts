/* What several pages ask the API for, written once: the selections and the shapes they answer. */

/** The RAG counts (RagSummary, RagSummaryAt). */
export const RAG_COUNTS = 'total red amber green blue notRated';

/** The documents and measures behind a change or note. */
export const EVIDENCE = 'evidence { kind title reference url value period }';

/** One item of EVIDENCE, as the API answers it (every field of both kinds, null where not its kind). */
export interface EvidenceAnswer {
  readonly kind: 'DOCUMENT' | 'MEASURE';
  readonly title: string;
  readonly reference: string | null;
  readonly url: string | null;
  readonly value: string | null;
  readonly period: string | null;
}
