import { ROLES, type Role } from '../../src/auth/domain/actor.js';
import { LiveClient } from '../support/live-client.js';
import type { TestApp } from '../support/test-app.js';

/*
 * How the role table's rows are called: a GraphQL document, an HTTP route, a command-line tool run
 * in-process, or a live subscription; each comes to 'ok' or an error code.
 */

/** What one call came to: 'ok', or the error code (GraphQL code, or the status's name on a route). */
export type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | string;

/** A plan with a theme, an action owned by Team Managers and a board meeting, made by the ADMIN. */
export interface World {
  readonly planId: string;
  readonly themeId: string;
  readonly actionId: string;
  /** A progress note on the action, for redaction. */
  readonly noteId: string;
}

/** Who calls: a role's token, or nobody. */
export interface Caller {
  readonly role: Role | 'anonymous';
  readonly token?: string;
}

export const CALLERS: readonly (Role | 'anonymous')[] = ['anonymous', ...ROLES];

export type Run = (app: TestApp, caller: Caller, world: World) => Promise<Outcome>;

const bearer = (caller: Caller) => ({ authorization: caller.token ? `Bearer ${caller.token}` : '' });

export const now = () => new Date().toISOString();
export const today = () => now().slice(0, 10);

export function graphql(document: string, variables: (world: World) => Record<string, unknown>): Run {
  return async (app, caller, world) => {
    const response = await app.graphql(document, variables(world), bearer(caller));
    return response.errors?.[0]?.extensions?.code ?? 'ok';
  };
}

const STATUS: Record<number, Outcome> = {
  200: 'ok',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
};

export function route(path: (world: World) => string): Run {
  return async (app, caller, world) => {
    const headers = caller.token ? { authorization: `Bearer ${caller.token}` } : undefined;
    const response = await fetch(`${app.url}${path(world)}`, { headers });
    await response.arrayBuffer();
    return STATUS[response.status] ?? String(response.status);
  };
}

/** Runs a command-line tool in-process, its output captured; exit 2 is read from what it said. */
export function cli(main: (world: World, token: string[]) => Promise<number>): Run {
  return async (_app, caller, world) => {
    const said: string[] = [];
    const { stdout, stderr } = process;
    const write = stdout.write;
    const complain = stderr.write;
    stdout.write = ((chunk: string) => said.push(String(chunk)) > 0) as typeof stdout.write;
    stderr.write = ((chunk: string) => said.push(String(chunk)) > 0) as typeof stderr.write;
    let code: number;
    try {
      code = await main(world, caller.token ? ['--token', caller.token] : []);
    } finally {
      stdout.write = write;
      stderr.write = complain;
    }
    if (code === 0) return 'ok';
    const text = said.join('');
    if (/Sign in/.test(text)) return 'UNAUTHENTICATED';
    if (/may not/.test(text)) return 'FORBIDDEN';
    return `exit ${code}: ${text}`;
  };
}

export async function subscribe(app: TestApp, caller: Caller, world: World): Promise<Outcome> {
  const live = new LiveClient(app.url, caller.token ? `Bearer ${caller.token}` : undefined);
  try {
    const outcome = await Promise.race([
      live.closed.then(({ code }) => (code === 4401 ? 'UNAUTHENTICATED' : `closed ${code}`)),
      (async () => {
        await live.connected;
        const changes = live.subscribe<{ planChanged: { kind: string } }>(
          'subscription ($planId: ID!) { planChanged(planId: $planId) { kind } }',
          { planId: world.planId },
        );
        // A change the subscriber may see arrives; a refusal arrives first as an error.
        setTimeout(() => void addNote(app, world), 100);
        const first = await changes.next();
        return first.errors?.[0]?.extensions?.code ?? (first.data?.planChanged ? 'ok' : 'nothing');
      })(),
    ]);
    return outcome;
  } finally {
    await live.dispose();
  }
}

const addNote = (app: TestApp, world: World) =>
  app.graphql('mutation ($input: AddProgressNoteInput!) { addProgressNote(input: $input) { id } }', {
    input: { actionId: world.actionId, text: 'Supervision audit completed.' },
  });
