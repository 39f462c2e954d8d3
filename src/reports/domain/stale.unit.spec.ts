import { describe, expect, it } from '@jest/globals';
import { foldPlan, recorded, type GivenEvent } from '../../../test/support/decider-spec.js';
import {
  ACTION_ID,
  actionAdded,
  planCreated,
  progressNoteAdded,
  ragStatusChanged,
  themeAdded,
} from '../../../test/support/plan-builders.js';
import { DomainError } from '../../plans/domain/errors.js';
import { assertStaleAfterDays, staleness } from './stale.js';

const ADDED = '2024-04-01T09:00:00.000Z';
const at = (recordedAt: string) => ({ recordedAt });
const note = (recordedAt: string, effectiveDate?: string) =>
  recorded(progressNoteAdded({ noteId: `note-${recordedAt}`, text: `Progress ${recordedAt}` }), {
    recordedAt,
    ...(effectiveDate ? { effectiveDate } : {}),
  });

/** given(events after the action was added on 1 April).at(instant, days): is the action stale? */
const given = (...later: GivenEvent[]) => ({
  at(asAt: string, staleAfterDays = 42) {
    const history = [planCreated(), themeAdded(), actionAdded()].map((event) => recorded(event, at(ADDED)));
    const action = foldPlan([...history, ...later])!.actions.get(ACTION_ID)!;
    return staleness(action, new Date(asAt), staleAfterDays);
  },
});

describe('stale actions', () => {
  it('is stale once its latest note is the given number of days old', () => {
    const noted = given(note('2024-04-02T10:00:00.000Z'));
    expect(noted.at('2024-05-14T10:00:00.000Z')).toEqual({
      lastNoteAt: '2024-04-02T10:00:00.000Z',
      quietSince: '2024-04-02T10:00:00.000Z',
      daysQuiet: 42,
    });
    expect(noted.at('2024-05-14T09:59:59.999Z')).toBeNull();
  });

  it('counts from when the action was added when it has no note', () => {
    expect(given().at('2024-05-20T09:00:00.000Z')).toEqual({
      lastNoteAt: null,
      quietSince: ADDED,
      daysQuiet: 49,
    });
  });

  it('goes by the latest note only', () => {
    const notes = given(note('2024-04-02T10:00:00.000Z'), note('2024-05-01T10:00:00.000Z'));
    expect(notes.at('2024-05-20T09:00:00.000Z')).toBeNull();
  });

  it('goes by when a note was recorded, not the date it says it took effect', () => {
    const backdated = given(note('2024-05-10T10:00:00.000Z', '2024-03-01'));
    expect(backdated.at('2024-05-20T09:00:00.000Z')).toBeNull();
  });

  it('takes the number of days as configured', () => {
    const noted = given(note('2024-05-10T10:00:00.000Z'));
    expect(noted.at('2024-05-20T09:00:00.000Z', 7)).toMatchObject({ daysQuiet: 9 });
    expect(noted.at('2024-05-20T09:00:00.000Z', 10)).toBeNull();
  });

  it('does not count a RAG change as progress', () => {
    const rag = recorded(
      ragStatusChanged({ from: 'NOT_RATED', to: 'AMBER' }),
      at('2024-05-19T09:00:00.000Z'),
    );
    expect(given(rag).at('2024-05-20T09:00:00.000Z')).toMatchObject({ lastNoteAt: null });
  });

  it('is never stale once BLUE (complete and embedded)', () => {
    const blue = recorded(
      ragStatusChanged({ from: 'NOT_RATED', to: 'BLUE' }),
      at('2024-04-02T09:00:00.000Z'),
    );
    expect(given(blue).at('2025-01-01T09:00:00.000Z')).toBeNull();
  });

  it.each([0, -1, 1.5, 3651, Number.NaN])('refuses %p days as the threshold', (days) => {
    expect(() => assertStaleAfterDays(days)).toThrow(DomainError);
    expect(() => assertStaleAfterDays(days)).toThrow(/staleAfterDays must be a whole number from 1 to 3650/);
  });

  it.each([1, 42, 3650])('accepts %p days as the threshold', (days) => {
    expect(() => assertStaleAfterDays(days)).not.toThrow();
  });
});
