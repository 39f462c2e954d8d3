import { describe, expect, it } from '@jest/globals';
import { IDEMPOTENCY_WINDOW_MS, type RecordedRequest } from '../domain/idempotency.js';
import { RecordedRequests } from './recorded-requests.js';

const at = (hours: number) =>
  new Date(Date.parse('2024-05-01T09:00:00.000Z') + hours * 3_600_000).toISOString();

const request = (requestKey: string, hours: number, position: bigint): RecordedRequest => ({
  requestKey,
  planId: 'plan-1',
  fingerprint: `f-${position}`,
  recordedAt: at(hours),
  revision: Number(position),
  position,
});

describe('the keyed requests folded from the store', () => {
  it('keeps the first recording of a request (its other events come after it)', () => {
    const requests = new RecordedRequests();
    requests.record(request('k-1', 0, 1n));
    requests.record(request('k-1', 0, 2n));
    expect(requests.get('k-1')?.position).toBe(1n);
  });

  it('takes a key used again after the window as a new first recording', () => {
    const requests = new RecordedRequests();
    requests.record(request('k-1', 0, 1n));
    requests.record(request('k-1', IDEMPOTENCY_WINDOW_MS / 3_600_000 + 1, 9n));
    expect(requests.get('k-1')?.position).toBe(9n);
  });

  it('forgets requests older than the window as newer ones arrive', () => {
    const requests = new RecordedRequests();
    requests.record(request('k-old', 0, 1n));
    requests.record(request('k-recent', 20, 2n));
    requests.record(request('k-new', 25, 3n));
    expect([requests.get('k-old'), requests.get('k-recent')?.position]).toEqual([undefined, 2n]);
  });
});
