import { setTimeout as sleep } from 'node:timers/promises';
import { MUTATIONS, type Rag } from '../../support/plan-api.js';
import type { ChildApp } from './child-app-process.js';

export type WriteKind = 'addProgressNote' | 'changeRagStatus';

/**
 * One write a client sent, and what it heard back: acknowledged (an answer with data), refused (an
 * answer with errors: a stale expectedVersion, an unchanged RAG) or unanswered (the server died).
 */
export interface SentWrite {
  readonly kind: WriteKind;
  readonly input: Record<string, unknown>;
  /** The Idempotency-Key it carried, if any. */
  readonly key?: string;
  readonly outcome: 'acknowledged' | 'refused' | 'unanswered';
  readonly errorCode?: string;
}

export interface WriteLoad {
  /** The processes to send to (alternately) and then kill. */
  readonly targets: readonly ChildApp[];
  readonly actionIds: readonly string[];
  /** Tells this load's texts from earlier ones' in the same store. */
  readonly tag: string;
  readonly clients: number;
  readonly killAfterMs: number;
}

const RAGS: readonly Rag[] = ['RED', 'AMBER', 'GREEN', 'BLUE'];
/** How much longer than killAfterMs the load may wait for its first acknowledged write. */
const STARTUP_GRACE_MS = 30_000;

/**
 * Clients that write as fast as they are answered, half with an Idempotency-Key, a third with the
 * expectedVersion they last saw; after `killAfterMs` every target is SIGKILLed with writes in flight.
 * Answers every write sent, with its outcome, and how many answers were server errors (a process
 * that is killed answers nothing, so any is a defect).
 */
export async function writeUntilKilled(
  load: WriteLoad,
): Promise<{ writes: SentWrite[]; serverErrors: number }> {
  const writes: SentWrite[] = [];
  const versions = new Map<string, number>();
  let killed = false;
  let serverErrors = 0;

  const client = async (writer: number) => {
    for (let sequence = 0; !killed; sequence += 1) {
      const target = load.targets[(writer + sequence) % load.targets.length]!;
      const actionId = load.actionIds[(writer * 7 + sequence) % load.actionIds.length]!;
      const kind: WriteKind = sequence % 2 === 0 ? 'addProgressNote' : 'changeRagStatus';
      const label = `${load.tag}-w${writer}-n${sequence}`;
      const known = versions.get(actionId);
      const input = {
        actionId,
        ...(kind === 'addProgressNote'
          ? { text: `Caseload review recorded (${label}).` }
          : { rag: RAGS[(writer + sequence) % RAGS.length], reason: `Reviewed at the board (${label})` }),
        ...(sequence % 3 === 0 && known !== undefined ? { expectedVersion: known } : {}),
      };
      const key = (writer + sequence) % 2 === 0 ? `${label}-key` : undefined;
      const sent = await send(target, kind, input, key);
      if (sent.serverError) serverErrors += 1;
      if (sent.outcome === 'acknowledged' && sent.version !== undefined) versions.set(actionId, sent.version);
      writes.push({ kind, input, ...(key ? { key } : {}), outcome: sent.outcome, errorCode: sent.errorCode });
    }
  };

  const running = Array.from({ length: load.clients }, (_, writer) => client(writer));
  // The kill waits for the load to be under way: on a busy machine a fresh process may not have
  // answered anything yet when killAfterMs is up, and a kill before any write proves nothing.
  const deadline = Date.now() + load.killAfterMs + STARTUP_GRACE_MS;
  await sleep(load.killAfterMs);
  while (!writes.some((write) => write.outcome === 'acknowledged') && Date.now() < deadline) await sleep(20);
  killed = true;
  await Promise.all(load.targets.map((target) => target.kill()));
  await Promise.all(running);
  return { writes, serverErrors };
}

/** Sends one write as a client would; a dropped connection is an unanswered write. */
export async function send(
  target: Pick<ChildApp, 'graphql'>,
  kind: WriteKind,
  input: Record<string, unknown>,
  key?: string,
): Promise<Omit<SentWrite, 'kind' | 'input' | 'key'> & { version?: number; serverError?: true }> {
  try {
    const headers = key ? { 'idempotency-key': key } : undefined;
    const answer = await target.graphql<Record<string, { version: number }>>(
      MUTATIONS[kind],
      { input },
      headers,
    );
    const errorCode = answer.errors?.[0]?.extensions?.code;
    if (answer.status >= 500 || errorCode === 'INTERNAL_SERVER_ERROR') {
      return { outcome: 'unanswered', errorCode, serverError: true };
    }
    if (answer.errors?.length) return { outcome: 'refused', errorCode };
    return { outcome: 'acknowledged', version: answer.data?.[kind]?.version };
  } catch {
    return { outcome: 'unanswered' };
  }
}
