/**
 * Where the keys of sealed texts live, one key per text, apart from the events: destroying a key
 * erases its text without touching the (hash-chained) events. Adapters: SQLite and KurrentDB.
 */
export interface TextKeys {
  /**
   * Stores the keys whose ids are new and returns the key now stored for every id: an id already
   * stored keeps its first key (so an event appended again seals identically, and no key that
   * sealed a stored text is ever replaced). Throws TextErasedError for an id destroyed before.
   */
  putMany(keys: ReadonlyMap<string, Buffer>): Promise<Map<string, Buffer>>;
  /** The stored keys among these ids; destroyed and unknown ids are left out. */
  getMany(ids: readonly string[]): Promise<Map<string, Buffer>>;
  /** Destroys these keys for good (unknown or already destroyed ids are fine). */
  destroy(ids: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** The key of one sealed text: the event that recorded it, and the field. */
export const textKeyId = (eventId: string, field: string): string => `${eventId}/${field}`;

/** A key was asked for again after it was destroyed: its text was erased and cannot be sealed again. */
export class TextErasedError extends Error {
  constructor(readonly keyId: string) {
    super(`The text ${keyId} was erased: it cannot be recorded again under the same event id`);
    this.name = 'TextErasedError';
  }
}
