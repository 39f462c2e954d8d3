import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { textKeyId } from '../../src/event-store/sealed-text/text-keys.port.js';
import { isSealedText, openSealedText } from '../../src/event-store/sealed-text/text-seal.js';
import { Database } from '../../src/event-store/sqlite/sqlite-driver.js';
import { sealedFieldsOf } from '../../src/plans/domain/sealed-text.js';
import type { StoredEvent, TestApp } from './test-app.js';

/** The key of one sealed text, read from `<dataDir>/text-keys.db`; undefined once destroyed. */
export function storedTextKey(dataDir: string, keyId: string): Buffer | undefined {
  const path = join(dataDir, 'text-keys.db');
  if (!existsSync(path)) return undefined;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT key FROM text_keys WHERE key_id = ?').get(keyId) as
      { key: Buffer | null } | undefined;
    return row?.key ?? undefined;
  } finally {
    db.close();
  }
}

/**
 * The rows of events.db with their texts opened with the keys in text-keys.db, as the application
 * reads them (null where the key was destroyed): for tests about what an event records.
 */
export function unsealedEvents(app: TestApp): (StoredEvent & { id?: string })[] {
  const db = new Database(join(app.dataDir, 'events.db'), { readonly: true, fileMustExist: true });
  const ids = db.prepare('SELECT event_id FROM events ORDER BY position').pluck().all() as string[];
  db.close();
  return app.storedEvents().map((event, index) => {
    const id = ids[index]!;
    const data = { ...event.data };
    for (const field of sealedFieldsOf(event.type)) {
      const sealed = data[field];
      if (!isSealedText(sealed)) continue;
      const key = storedTextKey(app.dataDir, textKeyId(id, field));
      data[field] = key ? openSealedText({ sealed: sealed.sealed, keyId: textKeyId(id, field) }, key) : null;
    }
    return { ...event, id, data };
  });
}
