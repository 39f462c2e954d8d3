import type { RagStatus } from '../../plans/domain/rag.js';

const RAG_WORDS: Readonly<Record<string, RagStatus>> = {
  r: 'RED',
  red: 'RED',
  a: 'AMBER',
  amber: 'AMBER',
  g: 'GREEN',
  green: 'GREEN',
  b: 'BLUE',
  blue: 'BLUE',
  'not rated': 'NOT_RATED',
  not_rated: 'NOT_RATED',
};

/** A blank cell is NOT_RATED (not a colour); undefined means the cell is not a RAG status we know. */
export function readRagCell(cell: string): RagStatus | undefined {
  const key = cell.replace(/\s+/g, ' ').trim().toLowerCase();
  return key === '' ? 'NOT_RATED' : RAG_WORDS[key];
}
