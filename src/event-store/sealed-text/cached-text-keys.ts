import type { TextKeys } from './text-keys.port.js';

/**
 * Keys kept in memory once read: the projection folds every event at start-up, and then every
 * screen would otherwise look a key up per note. A destroyed key is evicted and never cached again,
 * even when a lookup started before the destruction answers after it.
 */
export class CachedTextKeys implements TextKeys {
  private readonly cached = new Map<string, Buffer>();
  private readonly destroyed = new Set<string>();

  constructor(private readonly keys: TextKeys) {}

  async putMany(keys: ReadonlyMap<string, Buffer>): Promise<Map<string, Buffer>> {
    return this.remember(await this.keys.putMany(keys));
  }

  async getMany(ids: readonly string[]): Promise<Map<string, Buffer>> {
    const missing = ids.filter((id) => !this.cached.has(id) && !this.destroyed.has(id));
    if (missing.length > 0) this.remember(await this.keys.getMany(missing));
    const found = new Map<string, Buffer>();
    for (const id of ids) {
      const key = this.cached.get(id);
      if (key) found.set(id, key);
    }
    return found;
  }

  async destroy(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      this.destroyed.add(id);
      this.cached.delete(id);
    }
    try {
      await this.keys.destroy(ids);
    } catch (error) {
      // Still stored: let the next lookup find it, so that reading the redaction destroys it again.
      ids.forEach((id) => this.destroyed.delete(id));
      throw error;
    }
  }

  close(): Promise<void> {
    this.cached.clear();
    return this.keys.close();
  }

  private remember(keys: Map<string, Buffer>): Map<string, Buffer> {
    for (const [id, key] of keys) {
      if (this.destroyed.has(id)) keys.delete(id);
      else this.cached.set(id, key);
    }
    return keys;
  }
}
