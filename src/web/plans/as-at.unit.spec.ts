import { describe, expect, it } from '@jest/globals';
import { readAsAt, type AsAtRequest } from './as-at.js';

const NOW = new Date('2025-07-14T16:00:00.000Z'); // 5pm BST
const asAt = (query: Record<string, unknown>) => readAsAt(query, NOW);
const errorOf = (request: AsAtRequest) =>
  request.kind === 'invalid' ? request.errors.map(({ text, href }) => [text, href]) : request.kind;
const date = { asAtDay: '3', asAtMonth: '3', asAtYear: '2025' };

describe('reading the as-at control', () => {
  it('is now when nothing is given', () => {
    expect(asAt({}).kind).toBe('now');
    expect(asAt({ asAtDay: ' ', board: '' }).kind).toBe('now');
  });

  it('reads a date alone as the end of that UK day, as the API reads a plain day', () => {
    expect(asAt(date)).toMatchObject({ kind: 'point', asOf: '2025-03-03', day: '2025-03-03' });
  });

  it('reads a date and a UK time as an instant with its offset', () => {
    expect(asAt({ ...date, asAtTime: '17:00' })).toMatchObject({ asOf: '2025-03-03T17:00:00+00:00' });
    expect(asAt({ ...date, asAtMonth: '07', asAtTime: '9.05' })).toMatchObject({
      asOf: '2025-07-03T09:05:00+01:00',
    });
    expect(asAt({ ...date, asAtTime: '17:00:42' })).toMatchObject({ asOf: '2025-03-03T17:00:42+00:00' });
  });

  it('reads a board meeting by its id', () => {
    expect(asAt({ board: 'meeting-1' })).toMatchObject({ kind: 'boardMeeting', meetingId: 'meeting-1' });
  });

  it('says which part of the date is missing, and points at it', () => {
    expect(errorOf(asAt({ asAtDay: '3', asAtYear: '2025' }))).toEqual([
      ['The date must include a month', '#asAt-month'],
    ]);
    expect(errorOf(asAt({ asAtTime: '17:00' }))).toEqual([['Enter the date', '#asAt-day']]);
  });

  it('refuses a date that is not real, or not yet', () => {
    expect(errorOf(asAt({ ...date, asAtDay: '31', asAtMonth: '2' }))).toEqual([
      ['The date must be a real date, like 3 3 2025', '#asAt-day'],
    ]);
    expect(errorOf(asAt({ ...date, asAtYear: '25' }))[0]![0]).toMatch(/real date/);
    expect(errorOf(asAt({ ...date, asAtDay: 'x' }))[0]![0]).toMatch(/real date/);
    expect(errorOf(asAt({ asAtDay: '15', asAtMonth: '7', asAtYear: '2025' }))).toEqual([
      ['The date must be today or in the past', '#asAt-day'],
    ]);
  });

  it('takes today with a time up to now, and refuses a later one', () => {
    const today = { asAtDay: '14', asAtMonth: '7', asAtYear: '2025' };
    expect(asAt({ ...today, asAtTime: '17:00' })).toMatchObject({ asOf: '2025-07-14T17:00:00+01:00' });
    expect(errorOf(asAt({ ...today, asAtTime: '17:01' }))).toEqual([
      ['The time must be now or in the past', '#asAtTime'],
    ]);
  });

  it('refuses a time that is not a 24-hour clock time, or did not happen', () => {
    expect(errorOf(asAt({ ...date, asAtTime: '5pm' }))).toEqual([
      ['Enter the time in 24-hour format, like 17:30', '#asAtTime'],
    ]);
    expect(errorOf(asAt({ ...date, asAtTime: '24:00' }))[0]![1]).toBe('#asAtTime');
    expect(errorOf(asAt({ asAtDay: '30', asAtMonth: '3', asAtYear: '2025', asAtTime: '01:30' }))).toEqual([
      ['That time did not happen in the UK: the clocks went forward', '#asAtTime'],
    ]);
  });

  it('refuses a date and a board meeting together', () => {
    expect(errorOf(asAt({ ...date, board: 'meeting-1' }))).toEqual([
      ['Choose a date or a board meeting, not both', '#asAt-board'],
    ]);
  });

  it('keeps what was typed, to show it again', () => {
    expect(asAt({ ...date, asAtTime: 'soon' }).fields).toEqual({ ...date, asAtTime: 'soon', board: '' });
  });
});
