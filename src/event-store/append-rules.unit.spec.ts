import { describe, expect, it } from '@jest/globals';
import { decideAppend, type AppendDecision } from './append-rules.js';
import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
} from './event-store.port.js';

const STREAM = 'improvementPlan-1';

const event = (id: string): NewEvent => ({
  id,
  type: 'ActionAdded',
  data: {},
  metadata: {
    correlationId: 'c',
    causationId: 'c',
    recordedAt: '2025-01-01T00:00:00.000Z',
    schemaVersion: 1,
  },
});

/** The stream as stored: these ids at revisions 0, 1, ... and positions 10, 20, ... */
const stored = (ids: readonly string[], stream = STREAM): RecordedEvent[] =>
  ids.map((id, revision) => ({ ...event(id), stream, revision, position: BigInt((revision + 1) * 10) }));

/** given the stream's events, when a batch is appended expecting a revision, then the decision. */
function given(streamIds: readonly string[], elsewhere: readonly RecordedEvent[] = []) {
  return {
    when(batchIds: readonly string[], expected: ExpectedRevision) {
      const decide = (): AppendDecision => {
        const known = [...stored(streamIds), ...elsewhere].filter((e) => batchIds.includes(e.id));
        return decideAppend(batchIds.map(event), expected, {
          stream: STREAM,
          lastRevision: streamIds.length === 0 ? undefined : streamIds.length - 1,
          storedWithBatchIds: known,
        });
      };
      return {
        then: (decision: AppendDecision) => expect(decide()).toEqual(decision),
        thenThrows: (expected: Error) => {
          let thrown: unknown;
          try {
            decide();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(expected.constructor);
          expect(thrown).toMatchObject({ ...expected, message: expected.message });
        },
      };
    },
  };
}

const append = (firstRevision: number): AppendDecision => ({ kind: 'append', firstRevision });
const alreadyStored = (nextExpectedRevision: number, position: bigint): AppendDecision => ({
  kind: 'alreadyStored',
  result: { nextExpectedRevision, position },
});

describe('the append rules', () => {
  describe('expected revision', () => {
    it('creates a stream expected not to exist, from revision 0', () =>
      given([]).when(['a', 'b'], 'no_stream').then(append(0)));

    it('extends a stream at the revision of its last event', () =>
      given(['a', 'b']).when(['c'], 1).then(append(2)));

    it('refuses no_stream when the stream exists', () =>
      given(['a'])
        .when(['b'], 'no_stream')
        .thenThrows(new WrongExpectedRevisionError(STREAM, 'no_stream', 0)));

    it('refuses a stale revision', () =>
      given(['a', 'b'])
        .when(['c'], 0)
        .thenThrows(new WrongExpectedRevisionError(STREAM, 0, 1)));

    it('refuses a revision when the stream does not exist', () =>
      given([])
        .when(['a'], 0)
        .thenThrows(new WrongExpectedRevisionError(STREAM, 0, 'no_stream')));

    it('checks the expectation of an empty batch too', () => {
      given(['a']).when([], 0).then(append(1));
      given(['a'])
        .when([], 'no_stream')
        .thenThrows(new WrongExpectedRevisionError(STREAM, 'no_stream', 0));
    });
  });

  describe('event ids as idempotency keys', () => {
    it('answers a retry of the whole batch with the original result, whatever is now expected', () => {
      given(['a', 'b', 'c']).when(['b', 'c'], 0).then(alreadyStored(2, 30n));
      given(['a', 'b', 'c']).when(['a'], 'no_stream').then(alreadyStored(0, 10n));
    });

    it('refuses a batch that only partly repeats stored events, naming the first stored id', () => {
      given(['a', 'b']).when(['c', 'b'], 1).thenThrows(new DuplicateEventIdError('b'));
      given(['a', 'b']).when(['b', 'c'], 0).thenThrows(new DuplicateEventIdError('b'));
    });

    it('refuses stored events in another order', () =>
      given(['a', 'b']).when(['b', 'a'], 'no_stream').thenThrows(new DuplicateEventIdError('b')));

    it('refuses stored events that are not one after another', () =>
      given(['a', 'b', 'c']).when(['a', 'c'], 2).thenThrows(new DuplicateEventIdError('a')));

    it('refuses an id stored in another stream', () =>
      given([], stored(['a'], 'improvementPlan-2'))
        .when(['a'], 'no_stream')
        .thenThrows(new DuplicateEventIdError('a')));

    it('refuses a batch naming one id twice before looking at the stream', () =>
      given([]).when(['a', 'a'], 'no_stream').thenThrows(new DuplicateEventIdError('a')));
  });
});
