import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildApp, type ChildApp } from './support/child-app-process.js';
import {
  eventsWithLostTexts,
  misrecordedWrites,
  recordedEvents,
  streamsWithGaps,
  timesRecorded,
} from './support/recorded-writes.js';
import { actionsAsAnswered, seedPlan } from './support/seeded-plan.js';
import { send, writeUntilKilled, type SentWrite } from './support/write-load.js';

/**
 * The app killed outright (SIGKILL: no shutdown hook runs) while clients write to it, then started
 * again on the same data directory. Odd rounds run one process, even rounds two on one SQLite file.
 * Defaults keep `npm test` to seconds; the longer run was 22 rounds:
 *   SIGKILL_ROUNDS=22 SIGKILL_LOAD_MS=5000 npm run test:jest -- test/resilience/sigkill-rounds
 */
const ROUNDS = Number(process.env.SIGKILL_ROUNDS ?? 2);
const LOAD_MS = Number(process.env.SIGKILL_LOAD_MS ?? 1000);
const CLIENTS = 8;
/** Kills tried in a round until one cuts writes off in flight. */
const KILLS_PER_ROUND = 3;
/** Generous: on a busy machine one start of the app alone can take many seconds. */
const ROUND_TIMEOUT_MS = 240_000 + LOAD_MS;

describe('writes in flight when the app is killed', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plans-sigkill-'));
  const sent: SentWrite[] = [];
  let running: ChildApp[] = [];
  let planId: string;
  let actionIds: string[];

  /** Odd rounds write through one process, even rounds through two; all start at once. */
  const startFor = (round: number) =>
    Promise.all(Array.from({ length: round % 2 === 0 ? 2 : 1 }, () => startChildApp(dataDir)));

  beforeAll(async () => {
    running = await startFor(1);
    ({ planId, actionIds } = await seedPlan(running[0]!));
  }, ROUND_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all(running.map((app) => app.kill()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const rounds = Array.from({ length: ROUNDS }, (_, index) => index + 1);
  it.each(rounds)(
    'round %i: every acknowledged write is there once after the restart, none doubled, no gaps',
    async (round) => {
      const loadAndKill = async (attempt: number) => {
        const load = await writeUntilKilled({
          targets: running,
          actionIds,
          tag: `r${round}a${attempt}`,
          clients: CLIENTS,
          killAfterMs: LOAD_MS,
        });
        sent.push(...load.writes);
        expect(load.serverErrors).toBe(0);
        expect(count(load.writes, 'acknowledged')).toBeGreaterThan(0);
        return load;
      };
      let load = await loadAndKill(1);
      // The kill must come with writes in flight, or the round proves nothing. On a busy machine
      // the answers may all be in the test's socket buffers when the kill lands: start and kill again.
      for (let attempt = 2; attempt <= KILLS_PER_ROUND && count(load.writes, 'unanswered') === 0; attempt++) {
        running = await startFor(round);
        load = await loadAndKill(attempt);
      }
      expect(count(load.writes, 'unanswered')).toBeGreaterThan(0);

      // Restarted on the same data directory (with the next round's second process, if it has one).
      running = await startFor(round < ROUNDS ? round + 1 : 1);
      const app = running[0]!;
      const events = recordedEvents(dataDir);
      expect(misrecordedWrites(events, sent)).toEqual([]);
      expect(streamsWithGaps(events)).toEqual([]);
      expect(eventsWithLostTexts(events)).toEqual([]);

      // The restarted app answers what the store holds, each note once.
      const notesRecorded = (actionId: string) =>
        events
          .filter((event) => event.type === 'ProgressNoteAdded' && event.data.actionId === actionId)
          .map((event) => event.data.text);
      const actionEvents = (actionId: string) => events.filter((event) => event.data.actionId === actionId);
      expect(await actionsAsAnswered(app, planId)).toEqual(
        actionIds.map((id) => ({ id, version: actionEvents(id).length, notes: notesRecorded(id) })),
      );

      // Clients resend their acknowledged keyed writes: answered as before, nothing new recorded.
      const acknowledgedKeyed = sent.filter((write) => write.key && write.outcome === 'acknowledged');
      const resent = await Promise.all(
        acknowledgedKeyed.map((write) => send(app, write.kind, write.input, write.key)),
      );
      expect(resent.filter((answer) => answer.outcome !== 'acknowledged')).toEqual([]);
      expect(recordedEvents(dataDir)).toHaveLength(events.length);

      // …and the keyed writes the kill left unanswered: at most once, and once when now acknowledged.
      const unansweredKeyed = load.writes.filter((write) => write.key && write.outcome === 'unanswered');
      for (const write of unansweredKeyed) {
        const retry = await send(app, write.kind, write.input, write.key);
        const times = timesRecorded(recordedEvents(dataDir), write);
        if (retry.outcome === 'acknowledged') expect(times).toBe(1);
        else expect(times).toBeLessThanOrEqual(1);
      }
    },
    ROUND_TIMEOUT_MS,
  );
});

const count = (writes: readonly SentWrite[], outcome: SentWrite['outcome']) =>
  writes.filter((write) => write.outcome === outcome).length;
