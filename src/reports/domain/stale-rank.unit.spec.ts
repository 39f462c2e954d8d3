import { describe, expect, it } from '@jest/globals';
import type { RagStatus } from '../../plans/domain/rag.js';
import { rankStale } from './stale.js';

/** A stale action: its ref, RAG and when it last had a note (or was added). */
const stale = (ref: string, rag: RagStatus, quietSince: string) => ({
  ref,
  rag,
  quietSince,
  lastNoteAt: quietSince,
  daysQuiet: 50,
});

/** given(stale actions).whenRanked(listed).then(listed refs, refs not listed). */
const given = (...actions: ReturnType<typeof stale>[]) => ({
  whenRanked: (listed?: number) => {
    const ranked = rankStale(actions, listed);
    return {
      then: (refs: string[], notListed: string[] = []) =>
        expect({ listed: ranked.listed.map((action) => action.ref), notListed: ranked.notListed }).toEqual({
          listed: refs,
          notListed,
        }),
    };
  },
});

describe('ranking the stale actions a board can act on', () => {
  it('puts Red first, then Not rated, Amber and Green', () =>
    given(
      stale('1.1', 'GREEN', '2024-01-01T09:00:00.000Z'),
      stale('1.2', 'AMBER', '2024-01-01T09:00:00.000Z'),
      stale('1.3', 'NOT_RATED', '2024-01-01T09:00:00.000Z'),
      stale('1.4', 'RED', '2024-03-01T09:00:00.000Z'),
    )
      .whenRanked()
      .then(['1.4', '1.3', '1.2', '1.1']));

  it('puts the longest without a note first within a RAG, then goes by ref', () =>
    given(
      stale('2.10', 'AMBER', '2024-02-01T09:00:00.000Z'),
      stale('2.2', 'AMBER', '2024-02-01T09:00:00.000Z'),
      stale('2.1', 'AMBER', '2024-03-01T09:00:00.000Z'),
      stale('1.9', 'AMBER', '2024-01-15T09:00:00.000Z'),
    )
      .whenRanked()
      .then(['1.9', '2.2', '2.10', '2.1']));

  it('lists as many as asked and names the others in ref order', () =>
    given(
      stale('3.1', 'GREEN', '2024-01-01T09:00:00.000Z'),
      stale('1.10', 'RED', '2024-01-01T09:00:00.000Z'),
      stale('1.2', 'GREEN', '2024-02-01T09:00:00.000Z'),
      stale('2.1', 'AMBER', '2024-01-01T09:00:00.000Z'),
    )
      .whenRanked(2)
      .then(['1.10', '2.1'], ['1.2', '3.1']));

  it('lists ten by default', () => {
    const many = Array.from({ length: 12 }, (_, index) =>
      stale(`4.${index + 1}`, 'AMBER', '2024-01-01T09:00:00.000Z'),
    );
    given(...many)
      .whenRanked()
      .then(
        many.slice(0, 10).map((action) => action.ref),
        ['4.11', '4.12'],
      );
  });
});
