import type {
  AllSubscription,
  AppendResult,
  EventStore,
  ExpectedRevision,
  HeadPositionOptions,
  NewEvent,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port.js';
import { CachedTextKeys } from './cached-text-keys.js';
import { textKeyId, type TextKeys } from './text-keys.port.js';
import { isSealedText, newTextKey, openSealedText, sealText, type SealedText } from './text-seal.js';
import { UnsealingSubscription } from './unsealing-subscription.js';

/** Which texts to seal and which events erase one: knowledge of the capability whose events these are. */
export interface SealingRules {
  /** The fields of an event of this type that hold free text. */
  readonly sealedFieldsOf: (type: string) => readonly string[];
  /** The text this event erases (a redaction), if it erases one. */
  readonly erasedTextOf: (
    event: Pick<NewEvent, 'type' | 'data'>,
  ) => { eventId: string; field: string } | undefined;
}

export interface SealingLogger {
  warn(message: string): void;
}

/**
 * Crypto-shredding in front of the store: each free text is stored encrypted under a key of its
 * own, kept apart in TextKeys, so a text is erased by destroying its key while the events, and the
 * hash chain below that covers them as stored, stay exactly as they were. Reads open each text
 * with its key; a text whose key was destroyed reads as null.
 */
export class SealedTextEventStore implements EventStore {
  private readonly keys: TextKeys;

  constructor(
    private readonly store: EventStore,
    keys: TextKeys,
    private readonly rules: SealingRules,
    private readonly logger?: SealingLogger,
  ) {
    this.keys = new CachedTextKeys(keys);
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    // Keys first: a key left over by a failed append is harmless, a text without its key is lost.
    const sealed = await this.seal(events);
    const result = await this.store.append(stream, sealed, expected);
    await this.eraseTextsOf(events);
    return result;
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.unseal(await this.store.readStream(stream, options));
  }

  /** Sealing changes no position. */
  headPosition(options?: HeadPositionOptions): Promise<bigint | undefined> {
    return this.store.headPosition(options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    return new UnsealingSubscription(this.store.subscribeToAll(options), async (event) => {
      const [unsealed] = await this.unseal([event]);
      return unsealed!;
    });
  }

  async close(): Promise<void> {
    await this.store.close();
    await this.keys.close();
  }

  private async seal(events: readonly NewEvent[]): Promise<NewEvent[]> {
    const fresh = new Map<string, Buffer>();
    for (const event of events) {
      for (const field of this.textFieldsOf(event)) fresh.set(textKeyId(event.id, field), newTextKey());
    }
    if (fresh.size === 0) return [...events];
    const keys = await this.keys.putMany(fresh);
    return events.map((event) => {
      const fields = this.textFieldsOf(event);
      if (fields.length === 0) return event;
      const data = { ...event.data };
      for (const field of fields) {
        const keyId = textKeyId(event.id, field);
        data[field] = sealText(data[field] as string, keys.get(keyId)!, keyId);
      }
      return { ...event, data };
    });
  }

  /**
   * Also destroys the keys of texts that redactions among these events erased and that are still
   * stored: after a crash between a redaction's append and its key's destruction, or when another
   * instance recorded it.
   */
  private async unseal(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    await this.eraseTextsOf(events);
    const keyIds = events.flatMap((event) =>
      this.sealedFieldsOf(event).map((field) => textKeyId(event.id, field)),
    );
    if (keyIds.length === 0) return events;
    const keys = await this.keys.getMany(keyIds);
    return events.map((event) => {
      const fields = this.sealedFieldsOf(event);
      if (fields.length === 0) return event;
      const data = { ...event.data };
      for (const field of fields) {
        const key = keys.get(textKeyId(event.id, field));
        data[field] = key ? this.open(event, field, key) : null;
      }
      return { ...event, data };
    });
  }

  /**
   * A failure is reported, not thrown: the redaction is recorded whatever happens here, and reading
   * it again (the projection does at once, every instance at start-up) destroys the key again.
   */
  private async eraseTextsOf(events: readonly NewEvent[]): Promise<void> {
    const erased = events.flatMap((event) => {
      const text = this.rules.erasedTextOf(event);
      return text ? [textKeyId(text.eventId, text.field)] : [];
    });
    if (erased.length === 0) return;
    try {
      const stillStored = await this.keys.getMany(erased);
      if (stillStored.size > 0) await this.keys.destroy([...stillStored.keys()]);
    } catch (error) {
      this.logger?.warn(`Text keys ${erased.join(', ')} could not be destroyed yet: ${String(error)}`);
    }
  }

  /** Texts are sealed only when given as text (an optional field may be null). */
  private textFieldsOf(event: NewEvent): string[] {
    return this.rules.sealedFieldsOf(event.type).filter((field) => typeof event.data[field] === 'string');
  }

  /** Texts recorded before sealing existed are stored as they are, and read so. */
  private sealedFieldsOf(event: RecordedEvent): string[] {
    return this.rules.sealedFieldsOf(event.type).filter((field) => isSealedText(event.data[field]));
  }

  /** Opened under the key id of this event and field, so a sealed value moved elsewhere fails. */
  private open(event: RecordedEvent, field: string, key: Buffer): string {
    const { sealed } = event.data[field] as SealedText;
    try {
      return openSealedText({ sealed, keyId: textKeyId(event.id, field) }, key);
    } catch (error) {
      throw new Error(
        `The ${field} of event ${event.id} does not open with its key: one of them was altered`,
        {
          cause: error,
        },
      );
    }
  }
}
