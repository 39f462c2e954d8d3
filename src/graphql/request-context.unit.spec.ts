import { describe, expect, it } from '@jest/globals';
import { requestContext } from './request-context.js';

const anonymous = { kind: 'anonymous' } as const;

describe('the Idempotency-Key of a request', () => {
  it('is read once into the request context', () =>
    expect(requestContext({ 'idempotency-key': 'note-1.1-may' }, anonymous).idempotencyKey).toEqual({
      key: 'note-1.1-may',
    }));

  it('is kept as refused when malformed, for the first change to refuse', () =>
    expect(requestContext({ 'idempotency-key': 'k'.repeat(201) }, anonymous).idempotencyKey).toHaveProperty(
      'refused',
    ));

  it('is absent when the request sent none', () =>
    expect(requestContext({}, anonymous)).not.toHaveProperty('idempotencyKey'));

  it('is not taken from the upgrade request of a live connection, shared by all its operations', () =>
    expect(
      requestContext({ upgrade: 'WebSocket', 'idempotency-key': 'socket-key' }, anonymous),
    ).not.toHaveProperty('idempotencyKey'));
});
