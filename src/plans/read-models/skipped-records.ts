import type { SkippedRecord } from '../../event-store/event-store.port.js';

/** How many of the latest skipped records health shows. */
const KEPT = 5;

/** What /health/ready shows of the records the projection passed over. */
export interface SkippedRecordsReport {
  readonly count: number;
  readonly byReason: Readonly<Record<string, number>>;
  readonly latest: readonly { stream: string; position: string | null; reason: string }[];
}

/** Records passed over by the projection, counted by reason, the latest few kept for health. */
export class SkippedRecords {
  private count = 0;
  private readonly byReason: Record<string, number> = {};
  private latest: SkippedRecord[] = [];

  add(record: SkippedRecord): void {
    this.count += 1;
    this.byReason[record.reason] = (this.byReason[record.reason] ?? 0) + 1;
    this.latest = [...this.latest, record].slice(-KEPT);
  }

  report(): SkippedRecordsReport {
    return {
      count: this.count,
      byReason: { ...this.byReason },
      latest: this.latest.map(({ stream, position, reason }) => ({
        stream,
        position: position === undefined ? null : String(position),
        reason,
      })),
    };
  }
}
