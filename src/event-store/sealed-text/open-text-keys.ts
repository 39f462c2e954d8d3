import { join } from 'node:path';
import type { AppConfig } from '../../config.js';
import { SqliteTextKeys } from './sqlite-text-keys.js';
import type { TextKeys } from './text-keys.port.js';

/** Text keys live where the events do: in dataDir beside events.db, or on the KurrentDB server. */
export async function openTextKeys({
  dataDir,
  eventStoreUrl,
}: Pick<AppConfig, 'dataDir' | 'eventStoreUrl'>): Promise<TextKeys> {
  if (!eventStoreUrl) return SqliteTextKeys.open(join(dataDir, 'text-keys.db'));
  const { KurrentDbTextKeys } = await import('./kurrentdb-text-keys.js');
  return KurrentDbTextKeys.connect(eventStoreUrl);
}
