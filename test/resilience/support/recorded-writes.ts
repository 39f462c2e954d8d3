import { join } from 'node:path';
import { textKeyId } from '../../../src/event-store/sealed-text/text-keys.port.js';
import { isSealedText, openSealedText } from '../../../src/event-store/sealed-text/text-seal.js';
import { Database } from '../../../src/event-store/sqlite/sqlite-driver.js';
import { sealedFieldsOf } from '../../../src/plans/domain/sealed-text.js';
import { storedTextKey } from '../../support/sealed-events.js';
import type { SentWrite } from './write-load.js';

/** An event of `<dataDir>/events.db` with its texts unsealed (null where the key is missing). */
export interface RecordedEvent {
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/** Every event in the data directory, read as a fresh process would after a crash. */
export function recordedEvents(dataDir: string): RecordedEvent[] {
  const db = new Database(join(dataDir, 'events.db'), { readonly: true, fileMustExist: true });
  const rows = (() => {
    try {
      return db
        .prepare('SELECT event_id, position, stream, revision, type, data FROM events ORDER BY position')
        .all() as (Omit<RecordedEvent, 'data'> & { event_id: string; data: string })[];
    } finally {
      db.close();
    }
  })();
  return rows.map(({ event_id: id, data: text, ...row }) => {
    const data = JSON.parse(text) as Record<string, unknown>;
    for (const field of sealedFieldsOf(row.type)) {
      const sealed = data[field];
      if (!isSealedText(sealed)) continue;
      const keyId = textKeyId(id, field);
      const key = storedTextKey(dataDir, keyId);
      data[field] = key ? openSealedText({ sealed: sealed.sealed, keyId }, key) : null;
    }
    return { ...row, data };
  });
}

/** How many events record this write (a note by its text, a RAG change by its reason). */
export function timesRecorded(events: readonly RecordedEvent[], write: SentWrite): number {
  const [type, field] =
    write.kind === 'addProgressNote' ? ['ProgressNoteAdded', 'text'] : ['RagStatusChanged', 'reason'];
  return events.filter(
    (event) =>
      event.type === type &&
      event.data.actionId === write.input.actionId &&
      event.data[field] === write.input[field],
  ).length;
}

/** Events with a text that can no longer be read: its key was lost while the event was kept. */
export const eventsWithLostTexts = (events: readonly RecordedEvent[]) =>
  events.filter((event) => sealedFieldsOf(event.type).some((field) => event.data[field] === null));

/** Streams whose revisions are not 0, 1, 2… in position order. */
export function streamsWithGaps(events: readonly RecordedEvent[]): string[] {
  const next = new Map<string, number>();
  const broken = new Set<string>();
  for (const event of events) {
    const expected = next.get(event.stream) ?? 0;
    if (event.revision !== expected) broken.add(event.stream);
    next.set(event.stream, event.revision + 1);
  }
  return [...broken];
}

/** Writes recorded a number of times their outcome does not allow: acknowledged once, refused never. */
export function misrecordedWrites(events: readonly RecordedEvent[], writes: readonly SentWrite[]) {
  return writes
    .map((write) => ({ write, times: timesRecorded(events, write) }))
    .filter(({ write, times }) =>
      write.outcome === 'acknowledged' ? times !== 1 : write.outcome === 'refused' ? times !== 0 : times > 1,
    );
}
