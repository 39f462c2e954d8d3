import { describe, expect, it } from '@jest/globals';
import type { RecordedHeadCheck } from '../audit/audit-trail.js';
import { recordedHeadText, verificationLine } from './verify-report-text.js';

const HEAD = 'c0'.repeat(32);
const RECORDED = 'ab'.repeat(32);
const check = (changes: Partial<RecordedHeadCheck> = {}): RecordedHeadCheck => ({
  planId: 'plan-1',
  version: 12,
  valid: true,
  eventsChecked: 12,
  headHash: HEAD,
  firstInvalidVersion: null,
  recordedHeadVersion: 12,
  ...changes,
});

describe('verificationLine', () => {
  it('says valid, how many events were checked and the head', () => {
    expect(verificationLine(check())).toBe(`plan-1  valid  12 events  head ${HEAD}`);
  });

  it('names the first invalid version', () => {
    expect(verificationLine(check({ valid: false, firstInvalidVersion: 4 }))).toBe(
      `plan-1  INVALID at version 4  12 events  head ${HEAD}`,
    );
  });

  it('says how many events no stored hash covers yet', () => {
    expect(verificationLine(check({ eventsChecked: 0, version: 1 }))).toBe(
      `plan-1  valid  0 events (of 1: 1 not covered by a stored hash)  head ${HEAD}`,
    );
  });
});

describe('recordedHeadText', () => {
  it('says when the recorded head is the latest', () => {
    expect(recordedHeadText(check(), RECORDED)).toBe(
      'Recorded head matches version 12, the latest: the history is as it was when it was recorded.',
    );
  });

  it('says how many events came after a head recorded earlier', () => {
    expect(recordedHeadText(check({ recordedHeadVersion: 11 }), RECORDED)).toBe(
      'Recorded head matches version 11 of 12: events 1 to 11 are as they were when it was recorded; ' +
        '1 event recorded since.',
    );
  });

  it('says the history was changed when no version matches', () => {
    expect(recordedHeadText(check({ recordedHeadVersion: null }), RECORDED)).toBe(
      `Recorded head ${RECORDED} matches no version of plan plan-1: an event up to the point it was ` +
        `recorded has been changed or removed since. The plan is now at version 12, head ${HEAD}.`,
    );
  });
});
