import { describe, expect, it } from '@jest/globals';
import { Metadata, status } from '@grpc/grpc-js';
import { convertToCommandError, StreamDeletedError, UnknownError } from '@kurrent/kurrentdb-client';
import { InFlightWaitExpired } from './in-flight-limit.js';
import { isServerBusy, isTransient, retryTransient } from './transient-failures.js';

/** An error as grpc-js rejects a call with: code, details and trailers on an Error. */
function grpcError(code: status, details: string): Error {
  const error = new Error(`${code} ${status[code]}: ${details}`);
  return Object.assign(error, { code, details, metadata: new Metadata() });
}

const policy = { initialDelayMs: 1, maxDelayMs: 2, budgetMs: 1000, deadlineMs: 1000 };

describe('a server refusing work for now', () => {
  it('is transient when it answers RESOURCE_EXHAUSTED, raw or as the client converts it', () => {
    const refused = grpcError(status.RESOURCE_EXHAUSTED, 'Bandwidth exhausted or memory limit exceeded');
    expect(convertToCommandError(refused)).toBeInstanceOf(UnknownError);
    expect(isTransient(refused)).toBe(true);
    expect(isTransient(convertToCommandError(refused))).toBe(true);
  });

  it('is transient when a BatchAppend batch is answered "Server Is Busy" or "Not Ready"', () => {
    // What the client makes of the server's NotHandled status, which packs an Empty.
    expect(isTransient(new UnknownError(undefined, 'Could not recognize Server Is Busy'))).toBe(true);
    expect(isTransient(new UnknownError(undefined, 'Could not recognize Server Is Not Ready'))).toBe(true);
  });

  it('is transient when an append waited for a slot until its budget ran out', () => {
    expect(isTransient(new InFlightWaitExpired(100))).toBe(true);
  });

  it('is not transient for a message over the size limit, which fails however often it is sent', () => {
    const tooLarge = grpcError(status.RESOURCE_EXHAUSTED, 'Received message larger than max (5000 vs. 4096)');
    expect(isServerBusy(tooLarge)).toBe(false);
    expect(isTransient(tooLarge)).toBe(false);
  });

  it('is not confused with other unknown failures or a deleted stream', () => {
    expect(isTransient(new UnknownError(undefined, 'Could not recognize Something Else'))).toBe(false);
    expect(isTransient(grpcError(status.UNKNOWN, 'Server Is Busy'))).toBe(false);
    expect(isTransient(StreamDeletedError.fromStreamName('plan-1'))).toBe(false);
    expect(isTransient('RESOURCE_EXHAUSTED')).toBe(false);
  });
});

describe('retrying transient failures', () => {
  it('tries a refused operation again until the server takes it', async () => {
    let calls = 0;
    const result = await retryTransient(policy, async () => {
      calls += 1;
      if (calls < 3) throw grpcError(status.RESOURCE_EXHAUSTED, 'too many streams');
      return 'stored';
    });
    expect(result).toBe('stored');
    expect(calls).toBe(3);
  });

  it('gives up when the budget the caller already started runs out', async () => {
    let calls = 0;
    const refusal = grpcError(status.RESOURCE_EXHAUSTED, 'too many streams');
    const spent = Date.now() - 1;
    await expect(
      retryTransient(
        policy,
        async () => {
          calls += 1;
          throw refusal;
        },
        spent,
      ),
    ).rejects.toBe(refusal);
    expect(calls).toBe(1);
  });
});
