import { status as grpcStatus, type ServerDuplexStream } from '@grpc/grpc-js';
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import emptyPb from 'google-protobuf/google/protobuf/empty_pb.js';
import { RESOURCE_EXHAUSTED, serverBusyStatus } from './append-load.js';
import type { ProposedEvent } from './event-log.js';
import { code, shared, status, streamName, streams, uuidString } from './protocol.js';
import {
  accessDeniedError,
  expectedOf,
  toProposed,
  UNAVAILABLE,
  type StreamsState,
} from './streams-service.js';

type Options = streams.BatchAppendReq.Options;
const { BatchAppendResp } = streams;

/**
 * Streams/BatchAppend: one long-lived bidirectional call that the client shares between appends.
 * Requests carrying a correlation id accumulate until `is_final`; each batch gets one response
 * echoing correlation id, stream and expectation. Failures are a google.rpc.Status whose detail
 * packs event_store.client.WrongExpectedVersion, as the server sends them.
 */
export class BatchAppender {
  private readonly pending = new Map<string, { options?: Options; proposed: ProposedEvent[] }>();
  /** Batches received and not answered: when the call ends, the client stops waiting for them. */
  private readonly unanswered = new Set<string>();
  private ended = false;

  constructor(
    private readonly call: ServerDuplexStream<streams.BatchAppendReq, streams.BatchAppendResp>,
    private readonly state: StreamsState,
  ) {}

  serve(): void {
    this.call.on('data', (request: streams.BatchAppendReq) => this.receive(request));
    this.call.on('end', () => {
      this.callEnded();
      this.call.end();
    });
    this.call.on('error', () => this.callEnded());
    this.call.on('cancelled', () => this.callEnded());
  }

  private receive(request: streams.BatchAppendReq): void {
    const correlationId = request.getCorrelationId();
    const key = uuidString(correlationId);
    if (!this.unanswered.has(key)) {
      this.unanswered.add(key);
      this.state.load.arrived();
    }
    const batch = this.pending.get(key) ?? { proposed: [] };
    if (request.hasOptions()) batch.options = request.getOptions();
    batch.proposed.push(...request.getProposedMessagesList().map(toProposed));
    if (!request.getIsFinal()) {
      this.pending.set(key, batch);
      return;
    }
    this.pending.delete(key);
    if (!batch.options || !correlationId) {
      this.call.emit('error', { code: grpcStatus.INVALID_ARGUMENT, details: 'A batch came without options' });
      return;
    }
    this.admit(correlationId, batch.options, batch.proposed);
  }

  private admit(correlationId: shared.UUID, options: Options, proposed: ProposedEvent[]): void {
    // Simplified: a server answers this batch with a status packing AccessDenied; the client raises
    // AccessDeniedError either way.
    if (this.state.access.denied) return this.fail(accessDeniedError());
    const refusal = this.state.load.admit();
    if (refusal === 'resource-exhausted') return this.fail(RESOURCE_EXHAUSTED);
    if (refusal === 'server-busy') {
      const response = new BatchAppendResp().setCorrelationId(correlationId).setError(serverBusyStatus());
      return this.answer(echo(response, options));
    }
    this.state.load.work(() => this.commit(correlationId, options, proposed));
  }

  private commit(correlationId: shared.UUID, options: Options, proposed: ProposedEvent[]): void {
    const fault = this.state.appendFaults.shift();
    if (fault === 'no-answer') return;
    if (fault === 'before-commit') return this.fail(UNAVAILABLE);
    const outcome = this.state.log.append(
      streamName(options.getStreamIdentifier()),
      expectedOf(options),
      proposed,
    );
    if (fault === 'after-commit') return this.fail(UNAVAILABLE);
    const response = echo(new BatchAppendResp().setCorrelationId(correlationId), options);
    if (outcome.kind === 'wrong_expected_version') {
      response.setError(wrongExpectedVersion(options, outcome.current));
    } else if (outcome.kind === 'stream_deleted') {
      response.setError(streamDeleted(options));
    } else {
      const position = new shared.AllStreamPosition()
        .setCommitPosition(String(outcome.position))
        .setPreparePosition(String(outcome.position));
      response.setSuccess(
        new BatchAppendResp.Success().setCurrentRevision(String(outcome.revision)).setPosition(position),
      );
    }
    this.answer(response);
  }

  private answer(response: streams.BatchAppendResp): void {
    const key = uuidString(response.getCorrelationId());
    if (this.ended || !this.unanswered.delete(key)) return;
    this.state.load.answered();
    this.call.write(response);
  }

  /** Ends the whole call with a status: every batch still waiting on it fails with it. */
  private fail(error: object): void {
    if (this.ended) return;
    this.callEnded();
    this.call.emit('error', error);
  }

  private callEnded(): void {
    if (this.ended) return;
    this.ended = true;
    this.state.load.answered(this.unanswered.size);
    this.unanswered.clear();
  }
}

function echo(response: streams.BatchAppendResp, options: Options): streams.BatchAppendResp {
  response.setStreamIdentifier(options.getStreamIdentifier());
  if (options.hasStreamPosition()) return response.setStreamPosition(options.getStreamPosition());
  if (options.hasNoStream()) return response.setNoStream(new emptyPb.Empty());
  if (options.hasStreamExists()) return response.setStreamExists(new emptyPb.Empty());
  return response.setAny(new emptyPb.Empty());
}

function streamDeleted(options: Options): status.Status {
  const packed = new anyPb.Any();
  const details = new shared.StreamDeleted().setStreamIdentifier(options.getStreamIdentifier());
  packed.pack(details.serializeBinary(), 'event_store.client.StreamDeleted');
  return new status.Status()
    .setCode(code.Code.FAILED_PRECONDITION)
    .setMessage('StreamDeleted')
    .setDetails(packed);
}

function wrongExpectedVersion(options: Options, current: number | undefined): status.Status {
  const details = new shared.WrongExpectedVersion();
  if (current === undefined) details.setCurrentNoStream(new emptyPb.Empty());
  else details.setCurrentStreamRevision(String(current));
  if (options.hasStreamPosition()) details.setExpectedStreamPosition(options.getStreamPosition());
  else if (options.hasNoStream()) details.setExpectedNoStream(new emptyPb.Empty());
  else if (options.hasStreamExists()) details.setExpectedStreamExists(new emptyPb.Empty());
  else details.setExpectedAny(new emptyPb.Empty());
  const packed = new anyPb.Any();
  packed.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  return new status.Status()
    .setCode(code.Code.FAILED_PRECONDITION)
    .setMessage('WrongExpectedVersion')
    .setDetails(packed);
}
