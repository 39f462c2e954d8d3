import { IDEMPOTENCY_WINDOW_MS, type RecordedRequest } from '../domain/idempotency.js';

/**
 * The first recording of every keyed request of the last window, by request key, folded from the
 * events' metadata like any read model (so it is rebuilt at every start). Older ones are dropped
 * as newer events arrive: only the window is ever asked about.
 */
export class RecordedRequests {
  private readonly byKey = new Map<string, RecordedRequest>();

  record(request: RecordedRequest): void {
    const known = this.byKey.get(request.requestKey);
    const recordedAt = Date.parse(request.recordedAt);
    if (known && recordedAt - Date.parse(known.recordedAt) < IDEMPOTENCY_WINDOW_MS) return;
    // Re-inserted so the map stays in recording order, oldest first, for forgetBefore().
    this.byKey.delete(request.requestKey);
    this.byKey.set(request.requestKey, request);
    this.forgetBefore(recordedAt - IDEMPOTENCY_WINDOW_MS);
  }

  get(requestKey: string): RecordedRequest | undefined {
    return this.byKey.get(requestKey);
  }

  private forgetBefore(instant: number): void {
    for (const [requestKey, request] of this.byKey) {
      if (Date.parse(request.recordedAt) >= instant) return;
      this.byKey.delete(requestKey);
    }
  }
}
