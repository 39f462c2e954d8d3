import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDataMain } from '../../src/cli/check-data-run.js';
import { ChainedEventStore } from '../../src/event-store/chained/chained-event-store.js';
import type { NewEvent } from '../../src/event-store/event-store.port.js';
import { Database } from '../../src/event-store/sqlite/sqlite-driver.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';

/**
 * `npm run check-data` on a store written by the real (hash-chained) SQLite store, then copied
 * and damaged row by row with SQLite directly, as someone with the file could.
 */
const PLAN_A = 'improvementPlan-aaaa';
const PLAN_B = 'improvementPlan-bbbb';
let root: string;
let clean: string;

const note = (text: string): NewEvent => ({
  id: randomUUID(),
  type: 'ProgressNoteAdded',
  data: { text },
  metadata: {
    correlationId: 'c-1',
    causationId: 'c-1',
    recordedAt: '2026-05-01T10:00:00.000Z',
    schemaVersion: 1,
  },
});

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'check-data-'));
  clean = join(root, 'clean');
  const store = new ChainedEventStore(SqliteEventStore.open(join(clean, 'events.db')));
  await store.append(PLAN_A, [note('one'), note('two'), note('three')], 'no_stream');
  await store.append(PLAN_B, [note('first')], 'no_stream');
  await store.append(PLAN_B, [note('second')], 0);
  await store.close();
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the clean store, changed by `damage` with SQLite directly. */
function damagedCopy(name: string, damage: (db: Database) => void): string {
  const dir = join(root, name);
  copyFileSync(join(clean, 'events.db'), join(mkdtempDir(dir), 'events.db'));
  const db = new Database(join(dir, 'events.db'));
  try {
    damage(db);
  } finally {
    db.close();
  }
  return dir;
}

function mkdtempDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Runs the command as the shell would, with everything it printed. */
function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const said: string[] = [];
  const { stdout, stderr } = process;
  const [write, complain] = [stdout.write, stderr.write];
  stdout.write = ((chunk: string) => said.push(String(chunk)) > 0) as typeof stdout.write;
  stderr.write = ((chunk: string) => said.push(String(chunk)) > 0) as typeof stderr.write;
  try {
    return { code: checkDataMain(argv, env), output: said.join('') };
  } finally {
    stdout.write = write;
    stderr.write = complain;
  }
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('npm run check-data', () => {
  it('passes a clean store, counting its streams and events, and leaves the file as it was', () => {
    const before = sha256(join(clean, 'events.db'));
    expect(run([], { DATA_DIR: clean })).toEqual({
      code: 0,
      output: `Checked events.db in ${clean}: 2 streams, 5 events.\nNo problems found.\n`,
    });
    expect(sha256(join(clean, 'events.db'))).toBe(before);
  });

  it('names the missing revision of a stream with a gap, and the chain broken after it', () => {
    const dir = damagedCopy('gap', (db) => {
      db.prepare('DELETE FROM events WHERE stream = ? AND revision = 1').run(PLAN_A);
    });
    const { code, output } = run(['--data-dir', dir]);
    expect(code).toBe(1);
    expect(output).toContain(`${PLAN_A}  revision 2  revision 1 missing before it\n`);
    expect(output).toContain(`${PLAN_A}  revision 2  audit hash chain broken here`);
  });

  it('names the event whose stored content no longer matches its hash', () => {
    const dir = damagedCopy('hash', (db) => {
      db.prepare(
        `UPDATE events SET data = json_set(data, '$.text', 'rewritten') WHERE stream = ? AND revision = 0`,
      ).run(PLAN_B);
    });
    const { code, output } = run(['--data-dir', dir]);
    expect(code).toBe(1);
    expect(output).toContain('1 problem found:\n');
    expect(output).toContain(
      `${PLAN_B}  revision 0  audit hash chain broken here (version 1): the stored hash does not match the event as stored\n`,
    );
  });

  it('names the event whose global position is not after the revision before it', () => {
    const dir = damagedCopy('positions', (db) => {
      db.prepare('UPDATE events SET position = 100 WHERE stream = ? AND revision = 0').run(PLAN_A);
    });
    const { code, output } = run(['--data-dir', dir]);
    expect(code).toBe(1);
    expect(output).toContain(
      `1 problem found:\n${PLAN_A}  revision 1  position 2 is not after position 100 of revision 0\n`,
    );
  });

  it('names an event whose data is not JSON', () => {
    const dir = damagedCopy('json', (db) => {
      db.prepare(`UPDATE events SET data = '{"text": "cut off' WHERE stream = ? AND revision = 1`).run(
        PLAN_B,
      );
    });
    expect(run(['--data-dir', dir]).output).toContain(`${PLAN_B}  revision 1  data is not a JSON object\n`);
  });

  it('reports a key store SQLite cannot read as a problem of that file', () => {
    const dir = damagedCopy('keys', () => undefined);
    writeFileSync(
      join(dir, 'text-keys.db'),
      'not a database, just text that is long enough to have a header',
    );
    const { code, output } = run(['--data-dir', dir]);
    expect(code).toBe(1);
    expect(output).toMatch(/^text-keys\.db {2}SQLite cannot read it: file is not a database$/m);
  });

  it('exits 2 for a folder with no store, and for bad arguments; 0 for --help', () => {
    expect(run(['--data-dir', join(root, 'nowhere')])).toEqual({
      code: 2,
      output: `No embedded event store in ${join(root, 'nowhere')} (no events.db)\n`,
    });
    expect(run(['--data-dir']).code).toBe(2);
    expect(run(['--plan', 'x']).code).toBe(2);
    expect(run(['--help'])).toMatchObject({
      code: 0,
      output: expect.stringContaining('Usage: npm run check-data'),
    });
  });
});
