import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../plans/domain/errors.js';
import { hitLimit, MAX_QUERY_LENGTH, MAX_QUERY_WORDS, searchQuery } from './search-query.js';

function refusal(read: () => unknown): Pick<DomainError, 'kind' | 'field'> {
  try {
    read();
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, field: error.field };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reading a search query', () => {
  it('looks for each word once, as folded', () => {
    expect(searchQuery('  Caseloads REDUCED, caseloads  ').words).toEqual(['caseloads', 'reduced']);
  });

  it.each(['', '   ', '—?!'])('refuses a query with no word (%j)', (text) => {
    expect(refusal(() => searchQuery(text))).toEqual({ kind: 'INVALID', field: 'text' });
  });

  it('refuses a query longer than a sentence', () => {
    expect(searchQuery('a'.repeat(MAX_QUERY_LENGTH)).words).toHaveLength(1);
    expect(refusal(() => searchQuery('a'.repeat(MAX_QUERY_LENGTH + 1)))).toEqual({
      kind: 'INVALID',
      field: 'text',
    });
  });

  it('refuses a query of more different words than a sentence has', () => {
    const words = (count: number) => Array.from({ length: count }, (_, at) => `w${at}`).join(' ');
    expect(searchQuery(words(MAX_QUERY_WORDS)).words).toHaveLength(MAX_QUERY_WORDS);
    expect(refusal(() => searchQuery(words(MAX_QUERY_WORDS + 1)))).toEqual({
      kind: 'INVALID',
      field: 'text',
    });
  });

  it('answers with 1 to 100 hits', () => {
    expect(hitLimit(1)).toBe(1);
    expect(hitLimit(100)).toBe(100);
    for (const first of [0, 101, 2.5, -1]) {
      expect(refusal(() => hitLimit(first))).toEqual({ kind: 'INVALID', field: 'first' });
    }
  });
});
