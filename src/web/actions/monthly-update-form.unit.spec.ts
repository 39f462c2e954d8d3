import { describe, expect, it } from '@jest/globals';
import { fieldErrorsOf, offersAcknowledgement, readMonthlyUpdate } from './monthly-update-form.js';

const SENT = { rag: 'AMBER', reason: '', note: 'Audit done', expectedVersion: '3', returnTo: '/my-actions' };

describe('reading the monthly update form', () => {
  it('sends the RAG, the version seen and only the texts that were typed', () => {
    const read = readMonthlyUpdate(SENT, 'a1');
    expect(read).toMatchObject({
      ok: true,
      input: {
        actionId: 'a1',
        rag: 'AMBER',
        note: 'Audit done',
        expectedVersion: 3,
        acknowledgePersonalData: false,
      },
    });
    expect(read.ok && read.input.reason).toBeUndefined();
  });

  it('turns the three date boxes into a calendar day', () => {
    const read = readMonthlyUpdate(
      { ...SENT, 'effectiveDate-day': '3', 'effectiveDate-month': '4', 'effectiveDate-year': '2024' },
      'a1',
    );
    expect(read.ok && read.input.effectiveDate).toBe('2024-04-03');
  });

  it.each([
    ['31', '2', '2024'],
    ['', '4', '2024'],
    ['1', '13', '2024'],
    ['1', '4', '24'],
  ])('refuses %s/%s/%s as no real day, keeping what was typed', (day, month, year) => {
    const form = {
      ...SENT,
      'effectiveDate-day': day,
      'effectiveDate-month': month,
      'effectiveDate-year': year,
    };
    const read = readMonthlyUpdate(form, 'a1');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors.map((error) => error.field)).toEqual(['effectiveDate']);
    expect(read.values).toMatchObject({ effectiveDay: day, effectiveMonth: month, note: 'Audit done' });
  });

  it('refuses a RAG that is not on the list and a form without the version seen', () => {
    const read = readMonthlyUpdate({ ...SENT, rag: 'PURPLE', expectedVersion: '' }, 'a1');
    expect(!read.ok && read.errors.map((error) => error.field)).toEqual(['rag', 'form']);
  });

  it('returns to a path on this site, else to the action page', () => {
    expect(readMonthlyUpdate(SENT, 'a1').values.returnTo).toBe('/my-actions');
    for (const returnTo of ['https://evil.example/', '//evil.example', undefined]) {
      expect(readMonthlyUpdate({ ...SENT, returnTo }, 'a1').values.returnTo).toBe('/actions/a1');
    }
  });
});

describe('the API’s refusals on the form', () => {
  it('puts each refusal beside the control it is about', () => {
    const errors = fieldErrorsOf([
      { code: 'BAD_USER_INPUT', field: 'reason', message: 'reason is required' },
      { code: 'BAD_USER_INPUT', field: 'effectiveDate', message: 'cannot be in the future' },
      { code: 'CONFLICT', field: 'actionId', message: 'withdrawn' },
    ]);
    expect(errors.map((error) => error.field)).toEqual(['reason', 'effectiveDate', 'form']);
  });

  it('offers the personal-data acknowledgement only for a suspected note, in the page’s words', () => {
    const [error] = fieldErrorsOf([
      {
        code: 'BAD_USER_INPUT',
        field: 'note',
        reason: 'PERSONAL_DATA_SUSPECTED',
        message: 'The note seems to contain an NHS number. Send it with acknowledgePersonalData: true.',
      },
    ]);
    expect(error).toMatchObject({ field: 'note', personalData: true });
    expect(error!.text).toContain('seems to contain an NHS number');
    expect(error!.text).not.toContain('acknowledgePersonalData');
    const values = readMonthlyUpdate(SENT, 'a1').values;
    expect(offersAcknowledgement(values, [error!])).toBe(true);
    expect(offersAcknowledgement(values, [{ field: 'reason', text: 'reason is required' }])).toBe(false);
  });
});
