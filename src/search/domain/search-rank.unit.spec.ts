import { describe, expect, it } from '@jest/globals';
import { highlightsOf, rankOf } from './search-rank.js';
import { wordsOf } from './search-words.js';

const rank = (text: string, ...query: string[]) =>
  rankOf(
    wordsOf(text).map(({ word }) => word),
    query,
  );

describe('ranking a text against a search', () => {
  it('finds a text only when it holds every word of the query', () => {
    expect(rank('Caseloads reduced in the assessment team', 'caseloads', 'team')).toBeDefined();
    expect(rank('Caseloads reduced in the assessment team', 'caseloads', 'audit')).toBeUndefined();
  });

  it('scores a whole word above a word that only starts with the query word', () => {
    expect(rank('Safeguard children', 'safeguard')).toBe(2);
    expect(rank('Safeguarding children', 'safeguard')).toBe(1);
  });

  it('scores the words together and in order above the same words apart', () => {
    const together = rank('The caseload audit found gaps', 'caseload', 'audit')!;
    const apart = rank('The audit of each caseload found gaps', 'caseload', 'audit')!;
    expect(together).toBeGreaterThan(apart);
  });

  it('adds up each query word once, however often the text repeats it', () => {
    expect(rank('The audit after audit', 'audit', 'the')).toBe(2 + 2);
    expect(rank('Audits and auditors', 'audit')).toBe(1);
  });

  it('scores the words in order only when they stand next to each other', () => {
    expect(rank('case file audit', 'case', 'audit')).toBe(4);
    expect(rank('audit case', 'case', 'audit')).toBe(4);
    expect(rank('the case audit', 'case', 'audit')).toBe(6);
  });

  it('marks each word that matches, as offsets into the text', () => {
    const text = 'Caseloads: the caseload audit (caseload-weighted).';
    const spans = highlightsOf(text, ['caseload', 'audit']);
    expect(spans.map(({ start, end }) => text.slice(start, end))).toEqual([
      'Caseloads',
      'caseload',
      'audit',
      'caseload',
    ]);
  });
});
