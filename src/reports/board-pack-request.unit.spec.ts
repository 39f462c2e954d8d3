import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../plans/domain/errors.js';
import { boardPackRequest, parseAsOf, parseStaleAfterDays } from './board-pack-request.js';

const refusal = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const { kind, field } = error as DomainError;
    return { kind, field };
  }
  throw new Error('expected a refusal');
};

describe('a board pack request', () => {
  it.each([
    ['2024-05-14T17:00:00Z', '2024-05-14T17:00:00.000Z'],
    ['2024-05-14T18:00:00.250+01:00', '2024-05-14T17:00:00.250Z'],
    ['2024-05-14T17:00Z', '2024-05-14T17:00:00.000Z'],
  ])('takes asOf %s as the instant %s', (value, instant) => {
    expect(parseAsOf(value).toISOString()).toBe(instant);
  });

  it('takes a day as its end in UK time, summer or winter', () => {
    expect(parseAsOf('2024-05-14').toISOString()).toBe('2024-05-14T22:59:59.999Z');
    expect(parseAsOf('2024-01-10').toISOString()).toBe('2024-01-10T23:59:59.999Z');
  });

  it.each(['yesterday', '2024-05-14T17:00:00', '2024-02-30T10:00:00Z', '2024-13-01', '14/05/2024', ''])(
    'refuses asOf "%s"',
    (value) => {
      expect(refusal(() => parseAsOf(value))).toEqual({ kind: 'INVALID', field: 'asOf' });
    },
  );

  it.each(['0', '-3', '1.5', 'six', '3651', ''])('refuses %p days before an action is stale', (value) => {
    expect(refusal(() => parseStaleAfterDays(value))).toEqual({ kind: 'INVALID', field: 'staleAfterDays' });
  });

  it('converts its options and names the one at fault as the caller spelt it', () => {
    expect(boardPackRequest('plan-1', { asOf: '2024-05-14', staleAfterDays: '28' })).toEqual({
      planId: 'plan-1',
      asOf: new Date('2024-05-14T22:59:59.999Z'),
      staleAfterDays: 28,
    });
    expect(boardPackRequest('plan-1', { boardMeeting: ' board-may ' })).toEqual({
      planId: 'plan-1',
      boardMeetingId: 'board-may',
    });
    const flags = { asOf: '--as-of', boardMeeting: '--board', staleAfterDays: '--stale-after-days' };
    expect(refusal(() => boardPackRequest('plan-1', { asOf: 'soon' }, flags))).toEqual({
      kind: 'INVALID',
      field: '--as-of',
    });
  });

  it('refuses both an instant and a board meeting', () => {
    expect(
      refusal(() => boardPackRequest('plan-1', { asOf: '2024-05-14', boardMeeting: 'board-may' })),
    ).toEqual({
      kind: 'INVALID',
      field: 'boardMeeting',
    });
  });
});
