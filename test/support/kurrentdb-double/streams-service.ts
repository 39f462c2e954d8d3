import {
  Metadata,
  status as grpcStatus,
  type sendUnaryData,
  type ServerDuplexStream,
  type ServerReadableStream,
  type ServerWritableStream,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { AppendLoad, appendRefusal } from './append-load.js';
import { BatchAppender } from './batch-append.js';
import { deleteHandler, streamDeletedError } from './deletions.js';
import type { EventLog, Expected, ProposedEvent } from './event-log.js';
import {
  appendSuccess,
  appendWrongExpectedVersion,
  eventMessage,
  streamNotFoundMessage,
} from './messages.js';
import { streamName, streams, uuidString } from './protocol.js';
import { readAll, readStream } from './reads.js';
import { serveAllSubscription } from './subscription.js';

/**
 * A failure injected into the next append: the connection drops before or after it is stored, or
 * the server takes the append and never answers (nothing stored).
 */
export type AppendFault = 'before-commit' | 'after-commit' | 'no-answer';

export interface StreamsState {
  readonly log: EventLog;
  /** Faults for the coming appends, in order. */
  readonly appendFaults: AppendFault[];
  /** While true, every Streams call is refused as a server refuses a user its ACLs do not allow. */
  readonly access: { denied: boolean };
  readonly sent: { subscriptionEvents: number };
  /** Appends in flight, and the refusals configured for too many of them. */
  readonly load: AppendLoad;
}

/** What a server answers a user without the right: PERMISSION_DENIED with the `exception` trailer. */
export function accessDeniedError() {
  const metadata = new Metadata();
  metadata.set('exception', 'access-denied');
  return { code: grpcStatus.PERMISSION_DENIED, details: 'Access denied.', metadata };
}

export const UNAVAILABLE = {
  code: grpcStatus.UNAVAILABLE,
  details: 'Connection dropped (injected by the test)',
};

export function streamsService(state: StreamsState): UntypedServiceImplementation {
  const { log } = state;
  return {
    read(call: ServerWritableStream<streams.ReadReq, streams.ReadResp>): void {
      if (state.access.denied) return void call.emit('error', accessDeniedError());
      const options = call.request.getOptions();
      if (!options || (options.hasSubscription() && options.hasStream())) {
        call.emit('error', {
          code: grpcStatus.UNIMPLEMENTED,
          details: 'The double serves $all subscriptions only',
        });
        return;
      }
      if (options.hasSubscription()) return serveAllSubscription(call, log, options, state.sent);
      if (options.hasStream()) {
        const name = streamName(options.getStream()?.getStreamIdentifier());
        if (log.tombstoned.has(name)) return void call.emit('error', streamDeletedError(name));
        const events = readStream(log, options);
        if (!events) call.write(streamNotFoundMessage(options.getStream()?.getStreamIdentifier()));
        else events.forEach((event) => call.write(eventMessage(event)));
      } else {
        readAll(log, options).forEach((event) => call.write(eventMessage(event)));
      }
      call.end();
    },

    append(
      call: ServerReadableStream<streams.AppendReq, streams.AppendResp>,
      callback: sendUnaryData<streams.AppendResp>,
    ): void {
      let options: streams.AppendReq.Options | undefined;
      const proposed: ProposedEvent[] = [];
      state.load.arrived();
      let answered = false;
      const answer: sendUnaryData<streams.AppendResp> = (error, value) => {
        if (answered) return;
        answered = true;
        state.load.answered();
        callback(error, value);
      };
      // A call the client gave up on (its deadline) is no longer on the wire, answered or not.
      call.on('cancelled', () => {
        if (!answered) state.load.answered();
        answered = true;
      });
      call.on('data', (request: streams.AppendReq) => {
        if (request.hasOptions()) options = request.getOptions();
        else proposed.push(toProposed(request.getProposedMessage()));
      });
      call.on('end', () => {
        const sent = options;
        if (!sent) return answer({ code: grpcStatus.INVALID_ARGUMENT, details: 'No options sent' });
        if (state.access.denied) return answer(accessDeniedError());
        const refusal = state.load.admit();
        if (refusal) return answer(appendRefusal(refusal));
        const stream = streamName(sent.getStreamIdentifier());
        const expected = expectedOf(sent);
        state.load.work(() => {
          const fault = state.appendFaults.shift();
          if (fault === 'no-answer') return;
          if (fault === 'before-commit') return answer(UNAVAILABLE);
          const outcome = log.append(stream, expected, proposed);
          if (fault === 'after-commit') return answer(UNAVAILABLE);
          if (outcome.kind === 'stream_deleted') return answer(streamDeletedError(stream));
          answer(
            null,
            outcome.kind === 'wrong_expected_version'
              ? appendWrongExpectedVersion(sent, outcome.current)
              : appendSuccess(outcome.revision, outcome.position),
          );
        });
      });
    },

    batchAppend(call: ServerDuplexStream<streams.BatchAppendReq, streams.BatchAppendResp>): void {
      new BatchAppender(call, state).serve();
    },

    delete: deleteHandler(log, false),
    tombstone: deleteHandler(log, true),
  };
}

export function toProposed(
  message: streams.AppendReq.ProposedMessage | streams.BatchAppendReq.ProposedMessage | undefined,
): ProposedEvent {
  if (!message) throw new Error('An append request carried neither options nor a message');
  const metadata = message.getMetadataMap();
  return {
    id: uuidString(message.getId()),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

export function expectedOf(options: streams.AppendReq.Options | streams.BatchAppendReq.Options): Expected {
  if ('hasRevision' in options && options.hasRevision()) return Number(options.getRevision());
  if ('hasStreamPosition' in options && options.hasStreamPosition())
    return Number(options.getStreamPosition());
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return 'any';
}
