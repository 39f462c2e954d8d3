import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import type { ServerWritableStream } from '@grpc/grpc-js';
import type { EventLog } from './event-log.js';
import { caughtUpMessage, checkpointMessage, confirmationMessage, eventMessage } from './messages.js';
import type { streams } from './protocol.js';
import { allStart, checkpointEvery, eventFilter } from './reads.js';

/** Events sent before giving appends a turn during catch-up. */
const CATCH_UP_SLICE = 100;

/**
 * A catch-up subscription to $all: confirmation, then history after the start position (excluded),
 * then caught_up, then live events; a checkpoint every `window x multiplier` events considered.
 * One cursor over the log serves both phases, so an append during catch-up is neither missed nor
 * sent twice. Waits for the client to drain when its buffer is full.
 */
export function serveAllSubscription(
  call: ServerWritableStream<streams.ReadReq, streams.ReadResp>,
  log: EventLog,
  options: streams.ReadReq.Options,
  sent: { subscriptionEvents: number },
): void {
  const filter = eventFilter(options);
  const checkpointAfter = checkpointEvery(options);
  let next = firstIndex(log, allStart(options));
  let cancelled = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const stopListening = log.onWrite(notify);
  call.on('cancelled', () => {
    cancelled = true;
    stopListening();
    notify();
  });
  call.on('error', () => undefined);

  const send = async (message: streams.ReadResp): Promise<void> => {
    if (call.write(message)) return;
    // Woken by drain (or by a cancel); the drain listener goes with the wait, so none pile up.
    await new Promise<void>((resolve) => {
      wake = resolve;
      call.once('drain', notify);
    });
    call.off('drain', notify);
  };

  const pump = async (): Promise<void> => {
    await send(confirmationMessage(randomUUID()));
    let considered = 0;
    let lastConsidered: bigint | undefined;
    let caughtUp = false;
    while (!cancelled) {
      const event = log.events[next];
      if (event) {
        next += 1;
        considered += 1;
        lastConsidered = event.position;
        if (filter(event)) {
          sent.subscriptionEvents += 1;
          await send(eventMessage(event));
        }
        if (considered % checkpointAfter === 0) await send(checkpointMessage(event.position));
        if (!caughtUp && considered % CATCH_UP_SLICE === 0) await yieldToOthers();
        continue;
      }
      if (!caughtUp) {
        caughtUp = true;
        await send(caughtUpMessage(lastConsidered));
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  void pump();
}

function firstIndex(log: EventLog, start: ReturnType<typeof allStart>): number {
  if (start === 'start') return 0;
  if (start === 'end') return log.events.length;
  const index = log.indexAt(start);
  return log.events[index]?.position === start ? index + 1 : index;
}
