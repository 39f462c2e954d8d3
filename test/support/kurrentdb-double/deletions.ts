import { Metadata, status as grpcStatus, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import type { EventLog, Expected } from './event-log.js';
import { streamName, streams } from './protocol.js';

/** Tombstones sit at the largest revision a stream can have, as on a server. */
const TOMBSTONE_REVISION = Number.MAX_SAFE_INTEGER;

type Options = streams.DeleteReq.Options | streams.TombstoneReq.Options;

/** The error a server answers for a tombstoned stream: FAILED_PRECONDITION with `exception` trailers. */
export function streamDeletedError(stream: string) {
  const metadata = new Metadata();
  metadata.set('exception', 'stream-deleted');
  metadata.set('stream-name', stream);
  return { code: grpcStatus.FAILED_PRECONDITION, details: `Event stream '${stream}' is deleted.`, metadata };
}

function wrongExpectedVersionError(stream: string, expected: Expected, current: number | undefined) {
  const metadata = new Metadata();
  metadata.set('exception', 'wrong-expected-version');
  metadata.set('stream-name', stream);
  const codes = { no_stream: -1, any: -2, stream_exists: -4 };
  metadata.set('expected-version', String(typeof expected === 'number' ? expected : codes[expected]));
  if (current !== undefined) metadata.set('actual-version', String(current));
  return { code: grpcStatus.FAILED_PRECONDITION, details: 'Wrong expected version.', metadata };
}

function expectedOf(options: Options): Expected {
  if (options.hasRevision()) return Number(options.getRevision());
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return 'any';
}

/**
 * Streams/Delete (soft: the stream reads as not found; its events stay in $all until a scavenge,
 * which the double never runs; the next append writes it again) and Streams/Tombstone (hard: reads
 * and appends fail with stream-deleted for ever). Each writes the marker record a server writes:
 * `$metadata` with `$tb` in `$$<stream>`, or `$streamDeleted` in the stream itself.
 */
export function deleteHandler(log: EventLog, hard: boolean) {
  return (
    call: ServerUnaryCall<streams.DeleteReq | streams.TombstoneReq, unknown>,
    callback: sendUnaryData<streams.DeleteResp | streams.TombstoneResp>,
  ): void => {
    const options = call.request.getOptions();
    if (!options) return callback({ code: grpcStatus.INVALID_ARGUMENT, details: 'No options sent' });
    const stream = streamName(options.getStreamIdentifier());
    if (log.tombstoned.has(stream)) return callback(streamDeletedError(stream));
    const events = log.stream(stream);
    const current = events?.at(-1)?.revision;
    const expected = expectedOf(options);
    const expectationHolds =
      expected === 'any' ||
      (expected === 'no_stream' && current === undefined) ||
      (expected === 'stream_exists' && current !== undefined) ||
      expected === current;
    if (!expectationHolds) return callback(wrongExpectedVersionError(stream, expected, current));
    const marker = hard
      ? log.writeSystemRecord(stream, '$streamDeleted', {}, TOMBSTONE_REVISION)
      : log.writeSystemRecord(`$$${stream}`, '$metadata', { $tb: (current ?? -1) + 1 });
    if (hard) log.tombstoned.add(stream);
    else if (current !== undefined) log.truncatedBefore.set(stream, current + 1);
    const Response = hard ? streams.TombstoneResp : streams.DeleteResp;
    const position = new Response.Position()
      .setCommitPosition(String(marker.position))
      .setPreparePosition(String(marker.position));
    callback(null, new Response().setPosition(position));
  };
}
