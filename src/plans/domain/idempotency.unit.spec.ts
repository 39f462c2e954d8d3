import { describe, expect, it } from '@jest/globals';
import { isUUID } from 'class-validator';
import { DomainError } from './errors.js';
import {
  fingerprintOf,
  idFromKey,
  IDEMPOTENCY_WINDOW_MS,
  keyedRequest,
  priorRequest,
  readIdempotencyKey,
  requestKeyOf,
  type KeyedRequest,
  type RecordedRequest,
} from './idempotency.js';

const NOW = new Date('2024-05-02T09:00:00.000Z');
const before = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const note = { type: 'AddProgressNote', data: { actionId: 'a-1', text: 'Audit done.', noteId: 'n-1' } };
const jo = { id: 'local:jo', idempotencyKey: { key: 'retry-1' } };

const request = (overrides: Partial<KeyedRequest> = {}): KeyedRequest => ({
  requestKey: requestKeyOf('local:jo', 'retry-1'),
  planId: 'plan-1',
  fingerprint: fingerprintOf([note]),
  ...overrides,
});

const recorded = (overrides: Partial<RecordedRequest> = {}): RecordedRequest => ({
  ...request(),
  recordedAt: before(60_000),
  revision: 7,
  position: 70n,
  ...overrides,
});

/** given(recorded requests).when(a request arrives).then(what it is). */
const given = (...history: RecordedRequest[]) => ({
  when: (arriving: KeyedRequest, now = NOW) => ({
    then: (expected: ReturnType<typeof priorRequest>) =>
      expect(priorRequest(history, arriving, now)).toEqual(expected),
  }),
});

describe('telling a resent request from a new one', () => {
  it('is a new request when nothing was recorded under its key', () =>
    given(recorded({ requestKey: requestKeyOf('local:jo', 'another') }))
      .when(request())
      .then({ kind: 'none' }));

  it('is a repeat of the first recording when the same change was recorded under the key', () => {
    const first = recorded({ position: 70n });
    given(recorded({ position: 71n, revision: 8 }), first)
      .when(request())
      .then({ kind: 'repeat', first });
  });

  it('is a key reused for another change when the fingerprint differs', () =>
    given(recorded())
      .when(request({ fingerprint: fingerprintOf([{ ...note, data: { ...note.data, actionId: 'a-2' } }]) }))
      .then({ kind: 'different' }));

  it('is a key reused for another change when the first request changed another plan', () =>
    given(recorded({ planId: 'plan-2' }))
      .when(request())
      .then({ kind: 'different' }));

  it('forgets a key recorded longer ago than the window', () =>
    given(recorded({ recordedAt: before(IDEMPOTENCY_WINDOW_MS) }))
      .when(request())
      .then({ kind: 'none' }));

  it('treats the same key from another user as another key', () =>
    given(recorded())
      .when(request({ requestKey: requestKeyOf('local:sam', 'retry-1') }))
      .then({ kind: 'none' }));
});

describe('the Idempotency-Key header', () => {
  it.each([
    ['one character', 'a'],
    ['200 characters', 'x'.repeat(200)],
    ['spaces and punctuation', 'board 2024-04-23 / note #3'],
  ])('accepts %s', (_, value) => expect(readIdempotencyKey(value)).toEqual({ key: value }));

  it.each<[string, unknown]>([
    ['an empty one', ''],
    ['201 characters', 'x'.repeat(201)],
    ['a letter outside ASCII', 'caf\u00e9'],
    ['a tab', 'tab\there'],
    ['a NUL', 'nul\u0000'],
    ['several values', ['a', 'b']],
  ])('refuses %s', (_, value) => expect(readIdempotencyKey(value)).toHaveProperty('refused'));

  it('is not there when the request sent none', () => expect(readIdempotencyKey(undefined)).toBeUndefined());
});

describe('what a keyed request records', () => {
  it('fingerprints what was asked, whatever order its fields came in', () => {
    const reordered = { type: note.type, data: { noteId: 'n-1', text: 'Audit done.', actionId: 'a-1' } };
    expect(fingerprintOf([reordered])).toBe(fingerprintOf([note]));
    expect(fingerprintOf([{ ...note, data: { ...note.data, text: 'Audit done!' } }])).not.toBe(
      fingerprintOf([note]),
    );
  });

  it('names the same new thing on every resend, another for each purpose and user', () => {
    const planId = idFromKey({ actor: jo, idempotencyKey: jo.idempotencyKey }, 'planId');
    expect(planId).toBe(idFromKey({ actor: jo, idempotencyKey: { key: 'retry-1' } }, 'planId'));
    expect(isUUID(planId, '5')).toBe(true);
    expect(idFromKey({ actor: jo, idempotencyKey: jo.idempotencyKey }, 'noteId')).not.toBe(planId);
    expect(idFromKey({ actor: { id: 'local:sam' }, idempotencyKey: jo.idempotencyKey }, 'planId')).not.toBe(
      planId,
    );
  });

  it('has no key, and no chosen id, when the request sent none', () => {
    expect(keyedRequest({ actor: jo }, 'plan-1', [note])).toBeUndefined();
    expect(idFromKey({ actor: jo }, 'planId')).toBeUndefined();
  });

  it('refuses a malformed key as bad input on the Idempotency-Key field', () => {
    const refused = { actor: jo, idempotencyKey: { refused: 'too long' } };
    expect(() => keyedRequest(refused, 'plan-1', [note])).toThrow(DomainError);
    expect(() => idFromKey(refused, 'noteId')).toThrow(
      expect.objectContaining({ kind: 'INVALID', field: 'Idempotency-Key' }) as unknown as Error,
    );
  });

  it('takes a fingerprint worked out by the caller (an import) over the commands', () =>
    expect(
      keyedRequest({ actor: jo, idempotencyKey: jo.idempotencyKey, requestFingerprint: 'f-1' }, 'plan-1', [
        note,
      ]),
    ).toEqual({ requestKey: requestKeyOf('local:jo', 'retry-1'), planId: 'plan-1', fingerprint: 'f-1' }));
});
