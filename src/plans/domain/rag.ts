/** RAG status of an action. BLUE = complete and embedded (BRAG); NOT_RATED = a blank cell, not a colour. */
export const RAG_STATUSES = ['RED', 'AMBER', 'GREEN', 'BLUE', 'NOT_RATED'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

export interface RagSummary {
  readonly red: number;
  readonly amber: number;
  readonly green: number;
  readonly blue: number;
  readonly notRated: number;
  readonly total: number;
}

export function summariseRag(statuses: Iterable<RagStatus>): RagSummary {
  const counts = { red: 0, amber: 0, green: 0, blue: 0, notRated: 0, total: 0 };
  for (const rag of statuses) {
    counts.total += 1;
    if (rag === 'RED') counts.red += 1;
    else if (rag === 'AMBER') counts.amber += 1;
    else if (rag === 'GREEN') counts.green += 1;
    else if (rag === 'BLUE') counts.blue += 1;
    else counts.notRated += 1;
  }
  return counts;
}
