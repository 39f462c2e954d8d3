import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { historyUntilNow } from '../../src/event-store/history-until-now.js';
import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '../../src/event-store/event-store.port.js';
import { SealedTextEventStore } from '../../src/event-store/sealed-text/sealed-text-event-store.js';
import {
  TextErasedError,
  textKeyId,
  type TextKeys,
} from '../../src/event-store/sealed-text/text-keys.port.js';
import { newEvent, rejectionOf } from '../support/event-store-contract/events.js';
import { positionsOf, SubscriptionReader } from '../support/event-store-contract/subscription-reader.js';
import { KurrentDbDouble } from '../support/kurrentdb-double/kurrentdb-double.js';
import {
  kurrentDbStorage,
  RULES,
  sqliteStorage,
  type SealedTextStorage,
} from '../support/sealed-text-stores.js';

const SECRET = 'Jamie Brown, NHS 943 476 5919, moved placement.';

const noteAdded = (text = SECRET) => newEvent('ProgressNoteAdded', { noteId: randomUUID(), text });
const ragChanged = (reason: string) => newEvent('RagStatusChanged', { from: 'RED', to: 'AMBER', reason });
const redaction = (erased: NewEvent, field = 'text') =>
  newEvent('TextRedacted', { eventId: erased.id, field, reason: 'Named a child' });
const textsOf = (events: readonly RecordedEvent[]) =>
  events.map(({ data }) => ('text' in data ? data.text : data.reason));

let double: KurrentDbDouble;
beforeAll(async () => {
  double = await KurrentDbDouble.start();
});
afterAll(async () => {
  await double.close();
});

describe.each([
  ['SQLite', () => sqliteStorage()],
  ['KurrentDB (the double)', () => kurrentDbStorage(double.connectionString)],
])('texts sealed in front of the %s store', (_name, openStorage: () => SealedTextStorage) => {
  let storage: SealedTextStorage;
  let stream: string;
  let prefix: string;

  beforeEach(() => {
    storage = openStorage();
    prefix = `sealed-${randomUUID()}-`;
    stream = `${prefix}plan`;
  });
  afterEach(() => storage.cleanup());

  it('stores each listed text sealed, and every read path opens it again', async () => {
    const store = storage.sealed();
    const note = noteAdded();
    const theme = newEvent('ThemeAdded', { title: 'Caseloads' });
    await store.append(stream, [note, ragChanged('Recruitment stalled'), theme], 'no_stream');

    const stored = await storage.raw().readStream(stream);
    expect(stored[0]!.data.text).toEqual({ sealed: expect.any(String), keyId: textKeyId(note.id, 'text') });
    expect(JSON.stringify(stored.map((event) => event.data))).not.toMatch(/Jamie|Recruitment stalled/);
    expect(stored[2]!.data).toEqual({ title: 'Caseloads' });

    const expected = [SECRET, 'Recruitment stalled', undefined];
    expect(textsOf(await store.readStream(stream))).toEqual(expected);
    expect(textsOf(await historyUntilNow(storage.sealed(), { streamPrefix: prefix }))).toEqual(expected);
    const reader = new SubscriptionReader(storage.sealed().subscribeToAll({ streamPrefix: prefix }));
    expect(textsOf(await reader.takeEvents(3))).toEqual(expected);
  });

  it('reads an erased text as null on every path once its redaction is appended', async () => {
    const store = storage.sealed();
    const note = noteAdded();
    await store.append(stream, [note, noteAdded('Caseloads audited.')], 'no_stream');
    const reader = new SubscriptionReader(store.subscribeToAll({ streamPrefix: prefix }));
    expect(textsOf(await reader.takeEvents(2))).toEqual([SECRET, 'Caseloads audited.']);

    await store.append(stream, [redaction(note)], 1);

    expect(await storage.keys().getMany([textKeyId(note.id, 'text')])).toEqual(new Map());
    expect(textsOf(await store.readStream(stream, { maxCount: 2 }))).toEqual([null, 'Caseloads audited.']);
    expect(textsOf(await historyUntilNow(store, { streamPrefix: prefix }, 2))).toEqual([
      null,
      'Caseloads audited.',
    ]);
    const later = new SubscriptionReader(storage.sealed().subscribeToAll({ streamPrefix: prefix }));
    expect(textsOf(await later.takeEvents(2))).toEqual([null, 'Caseloads audited.']);
  });

  it('destroys a key that survived a crash between the redaction and its destruction, on reading it', async () => {
    const note = noteAdded();
    await storage.sealed().append(stream, [note], 'no_stream');
    await storage.raw().append(stream, [redaction(note)], 0);
    const keyId = textKeyId(note.id, 'text');
    expect((await storage.keys().getMany([keyId])).size).toBe(1);

    const reader = new SubscriptionReader(storage.sealed().subscribeToAll({ streamPrefix: prefix }));
    const [first, redacted] = await reader.takeEvents(2);

    expect(redacted!.type).toBe('TextRedacted');
    // The two are unsealed together, so the note may already read as erased.
    expect([SECRET, null]).toContain(first!.data.text);
    expect(await storage.keys().getMany([keyId])).toEqual(new Map());
    expect(textsOf(await storage.sealed().readStream(stream, { maxCount: 1 }))).toEqual([null]);
  });

  it('stops showing a text it had read once it reads the redaction another instance recorded', async () => {
    const [mine, theirs] = [storage.sealed(), storage.sealed()];
    const note = noteAdded();
    await theirs.append(stream, [note], 'no_stream');
    expect(textsOf(await mine.readStream(stream))).toEqual([SECRET]);

    await theirs.append(stream, [redaction(note)], 0);

    expect(textsOf(await mine.readStream(stream))).toEqual([null, 'Named a child']);
    expect(textsOf(await mine.readStream(stream, { maxCount: 1 }))).toEqual([null]);
  });

  it('records a redaction whose key cannot be destroyed yet, and destroys it on reading the redaction', async () => {
    const keys = storage.keys();
    const failingOnce: TextKeys = {
      putMany: (given) => keys.putMany(given),
      getMany: (ids) => keys.getMany(ids),
      destroy: async () => {
        failingOnce.destroy = (ids) => keys.destroy(ids);
        throw new Error('disk unavailable');
      },
      close: () => keys.close(),
    };
    const warnings: string[] = [];
    const store = new SealedTextEventStore(storage.raw(), failingOnce, RULES, {
      warn: (m) => warnings.push(m),
    });
    const note = noteAdded();
    await store.append(stream, [note], 'no_stream');

    await store.append(stream, [redaction(note)], 0);
    expect(warnings).toEqual([expect.stringContaining('disk unavailable')]);
    expect((await keys.getMany([textKeyId(note.id, 'text')])).size).toBe(1);

    expect(textsOf(await store.readStream(stream))).toEqual([null, 'Named a child']);
    expect(await keys.getMany([textKeyId(note.id, 'text')])).toEqual(new Map());
  });

  it('refuses to record again a text that was erased', async () => {
    const store = storage.sealed();
    const note = noteAdded();
    await store.append(stream, [note], 'no_stream');
    await store.append(stream, [redaction(note)], 0);
    expect(await rejectionOf(storage.sealed().append(stream, [note], 'no_stream'))).toBeInstanceOf(
      TextErasedError,
    );
  });

  it('stores a retried batch once, sealed as the first time', async () => {
    const batch = [noteAdded(), ragChanged('Vacancies')];
    const first = await storage.sealed().append(stream, batch, 'no_stream');
    expect(await storage.sealed().append(stream, batch, 'no_stream')).toEqual(first);
    const stored = await storage.raw().readStream(stream);
    expect(stored).toHaveLength(2);
    expect(textsOf(await storage.sealed().readStream(stream))).toEqual([SECRET, 'Vacancies']);
  });

  it('delivers a subscription in order, historical and live, and ends it on close', async () => {
    const store = storage.sealed();
    const history = Array.from({ length: 150 }, (_, index) =>
      index % 3 === 0 ? noteAdded(`Note ${index}`) : newEvent('ThemeAdded', { index }),
    );
    for (let at = 0; at < history.length; at += 50) {
      await store.append(stream, history.slice(at, at + 50), at === 0 ? 'no_stream' : at - 1);
    }
    const subscription = store.subscribeToAll({ streamPrefix: prefix });
    const reader = new SubscriptionReader(subscription);
    const historical = await reader.takeEvents(150);
    expect(historical.map((event) => event.id)).toEqual(history.map((event) => event.id));
    expect(positionsOf(historical)).toEqual(
      positionsOf(await historyUntilNow(storage.raw(), { streamPrefix: prefix })),
    );
    expect(historical[3]!.data.text).toBe('Note 3');
    expect(await reader.take(1)).toEqual([{ kind: 'caughtUp', position: historical.at(-1)!.position }]);

    const live = noteAdded('Live note');
    await store.append(stream, [live], 149);
    expect(textsOf(await reader.takeEvents(1))).toEqual(['Live note']);
    expect(subscription.connected).not.toBe(false);
    await subscription.close();
    expect(await reader.endsWithin(2000)).toBe(true);
  });
});
