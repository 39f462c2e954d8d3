import { status as grpcStatus } from '@grpc/grpc-js';
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import emptyPb from 'google-protobuf/google/protobuf/empty_pb.js';
import { status } from './protocol.js';

/**
 * How a refused append is answered. 'server-busy' is what KurrentDB itself sends when its queues
 * are full (Append: UNAVAILABLE "Server Is Too Busy"; a BatchAppend batch: a status with no code,
 * message "Server Is Busy" and an Empty detail). 'resource-exhausted' is gRPC RESOURCE_EXHAUSTED,
 * as grpc-js reports an HTTP/2 ENHANCE_YOUR_CALM reset from the server's Kestrel or a proxy in
 * front of it: on Append it ends that call, on BatchAppend the one call every batch shares.
 */
export type AppendRefusal = 'resource-exhausted' | 'server-busy';

export interface AppendLoadOptions {
  /** Appends the double works on at once; one arriving while it is full is refused. */
  readonly capacity?: number;
  /** Refuses the next n appends whatever the load. */
  readonly refuseNext?: number;
  /** How long the double works on each append before storing it, so appends overlap (default 0). */
  readonly workMs?: number;
  readonly refusal?: AppendRefusal;
}

/**
 * The appends the double is answering: counted from their first message to their answer (or to the
 * end of their call), so a test can see how many a client had on the wire at once.
 */
export class AppendLoad {
  onTheWire = 0;
  peakOnTheWire = 0;
  working = 0;
  taken = 0;
  refused = 0;
  private options: AppendLoadOptions = {};
  private refusalsLeft = 0;

  configure(options: AppendLoadOptions): void {
    this.options = options;
    this.refusalsLeft = options.refuseNext ?? 0;
  }

  arrived(): void {
    this.onTheWire += 1;
    this.peakOnTheWire = Math.max(this.peakOnTheWire, this.onTheWire);
  }

  answered(count = 1): void {
    this.onTheWire -= count;
  }

  /** Undefined when the double takes the append (call `work`), else how to refuse it. */
  admit(): AppendRefusal | undefined {
    const { capacity = Infinity, refusal = 'resource-exhausted' } = this.options;
    if (this.refusalsLeft > 0 || this.working >= capacity) {
      this.refusalsLeft = Math.max(this.refusalsLeft - 1, 0);
      this.refused += 1;
      return refusal;
    }
    this.working += 1;
    this.taken += 1;
    return undefined;
  }

  /** Works on a taken append for `workMs`, then stores it (at once, in this turn, when 0). */
  work(store: () => void): void {
    const { workMs = 0 } = this.options;
    const done = () => {
      this.working -= 1;
      store();
    };
    if (workMs > 0) setTimeout(done, workMs);
    else done();
  }
}

export const RESOURCE_EXHAUSTED = {
  code: grpcStatus.RESOURCE_EXHAUSTED,
  details: 'Too many appends in flight (refused by the double)',
};

/** Streams/Append refused: RpcExceptions.ServerBusy() on a server, or RESOURCE_EXHAUSTED. */
export function appendRefusal(refusal: AppendRefusal) {
  if (refusal === 'resource-exhausted') return RESOURCE_EXHAUSTED;
  return { code: grpcStatus.UNAVAILABLE, details: 'Server Is Too Busy' };
}

/** A BatchAppend batch refused as the server's NotHandled(TooBusy) converts it: no code set. */
export function serverBusyStatus(): status.Status {
  const packed = new anyPb.Any();
  packed.pack(new emptyPb.Empty().serializeBinary(), 'google.protobuf.Empty');
  return new status.Status().setMessage('Server Is Busy').setDetails(packed);
}
