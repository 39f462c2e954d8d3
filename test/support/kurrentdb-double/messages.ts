import timestamp from 'google-protobuf/google/protobuf/timestamp_pb.js';
import type { StoredEvent } from './event-log.js';
import { empty, shared, streamIdentifier, streams, uuid } from './protocol.js';

const { ReadResp } = streams;

/** A recorded event as the server sends it: commit and prepare positions, metadata map, bytes. */
export function eventMessage(event: StoredEvent): streams.ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuid(event.id))
    .setStreamIdentifier(streamIdentifier(event.stream))
    .setStreamRevision(String(event.revision))
    .setCommitPosition(String(event.position))
    .setPreparePosition(String(event.position))
    .setCustomMetadata(event.customMetadata)
    .setData(event.data);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', String(event.created));
  const read = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(String(event.position));
  return new ReadResp().setEvent(read);
}

export function streamNotFoundMessage(stream: shared.StreamIdentifier | undefined): streams.ReadResp {
  return new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(stream));
}

export function confirmationMessage(subscriptionId: string): streams.ReadResp {
  return new ReadResp().setConfirmation(
    new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId),
  );
}

/** Checkpoints carry the position of the last event the subscription considered. */
export function checkpointMessage(position: bigint): streams.ReadResp {
  return new ReadResp().setCheckpoint(
    new ReadResp.Checkpoint()
      .setCommitPosition(String(position))
      .setPreparePosition(String(position))
      .setTimestamp(now()),
  );
}

export function caughtUpMessage(position: bigint | undefined): streams.ReadResp {
  const caughtUp = new ReadResp.CaughtUp().setTimestamp(now());
  if (position !== undefined) {
    caughtUp.setPosition(
      new ReadResp.Position().setCommitPosition(String(position)).setPreparePosition(String(position)),
    );
  }
  return new ReadResp().setCaughtUp(caughtUp);
}

export function appendSuccess(revision: number, position: bigint): streams.AppendResp {
  const success = new streams.AppendResp.Success().setPosition(
    new streams.AppendResp.Position()
      .setCommitPosition(String(position))
      .setPreparePosition(String(position)),
  );
  if (revision < 0) success.setNoStream(empty());
  else success.setCurrentRevision(String(revision));
  return new streams.AppendResp().setSuccess(success);
}

/** Only the newer fields are filled: the client reads no others. */
export function appendWrongExpectedVersion(
  options: streams.AppendReq.Options,
  current: number | undefined,
): streams.AppendResp {
  const wrong = new streams.AppendResp.WrongExpectedVersion();
  if (current === undefined) wrong.setCurrentNoStream(empty());
  else wrong.setCurrentRevision(String(current));
  if (options.hasRevision()) wrong.setExpectedRevision(options.getRevision());
  else if (options.hasNoStream()) wrong.setExpectedNoStream(empty());
  else if (options.hasStreamExists()) wrong.setExpectedStreamExists(empty());
  else wrong.setExpectedAny(empty());
  return new streams.AppendResp().setWrongExpectedVersion(wrong);
}

function now(): timestamp.Timestamp {
  return timestamp.Timestamp.fromDate(new Date());
}
