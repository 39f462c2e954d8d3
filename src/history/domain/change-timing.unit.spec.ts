import { describe, expect, it } from '@jest/globals';
import { recordedBy } from '../../../test/support/plan-builders.js';
import { changeTiming } from './plan-change.js';

describe('the timing of a change', () => {
  it('keeps when it was recorded, when it took effect and who made it', () =>
    expect(
      changeTiming({
        recordedAt: '2024-04-25T09:00:00.000Z',
        effectiveDate: '2024-04-23',
        actor: recordedBy('Jo Bloggs'),
      }),
    ).toEqual({
      recordedAt: '2024-04-25T09:00:00.000Z',
      effectiveDate: '2024-04-23',
      actor: recordedBy('Jo Bloggs'),
    }));

  it('answers null for an effective date or actor not given', () =>
    expect(changeTiming({ recordedAt: '2024-04-25T09:00:00.000Z' })).toEqual({
      recordedAt: '2024-04-25T09:00:00.000Z',
      effectiveDate: null,
      actor: null,
    }));
});
