import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '../../src/auth/domain/actor.js';
import { PlanApi, THEMES } from '../support/plan-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { CALLERS, OPERATIONS, type Caller, type World } from './role-operations.js';
import { ROLE_TABLE, type OperationKind } from './role-table.js';

/** Every row of the role table, for every role and for nobody signed in. */
describe('who may do what (the role table)', () => {
  let app: TestApp;
  let api: PlanApi;
  const callers = new Map<string, Caller>();
  const dataDirBefore = process.env.DATA_DIR;

  beforeAll(async () => {
    app = await startTestApp();
    api = new PlanApi(app);
    // The command-line tools read the same data directory as the server they sit beside.
    process.env.DATA_DIR = app.dataDir;
    for (const role of CALLERS) {
      const token =
        role === 'anonymous' ? undefined : await app.tokenFor({ name: `A ${role}`, roles: [role] });
      callers.set(role, { role, token });
    }
  });

  afterAll(async () => {
    if (dataDirBefore === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = dataDirBefore;
    await app.close();
  });

  /**
   * A fresh plan for every call that may change it, so that closing or withdrawing in one call
   * leaves the next alone. Reads share one plan; the callers a change must refuse share one per row
   * (a refused call changes nothing: were one let through, its own test would fail, as 'ok').
   */
  const shared = new Map<string, Promise<World>>();
  function worldFor(kind: OperationKind, name: string, expected: string): Promise<World> {
    if (kind === 'subscription' || (expected === 'ok' && (kind === 'mutation' || kind === 'cli'))) {
      return world();
    }
    const key = kind === 'query' || kind === 'route' ? 'reads' : `${kind} ${name}`;
    if (!shared.has(key)) shared.set(key, world());
    return shared.get(key)!;
  }

  async function world(): Promise<World> {
    const plan = await api.createPlan();
    const theme = await api.addTheme(plan.id, THEMES.caseloads);
    const action = await api.addAction(plan.id, theme.id, {
      ref: '1.1',
      description: 'Reduce caseloads.',
      owners: ['Team Managers'],
      rag: 'AMBER',
    });
    const noted = await api.addProgressNote(action.id, 'Caseloads audited.');
    return { planId: plan.id, themeId: theme.id, actionId: action.id, noteId: noted.progressNotes[0]!.id };
  }

  const rows = Object.entries(ROLE_TABLE).flatMap(([kind, operations]) =>
    Object.entries(operations).map(([name, roles]) => ({ kind: kind as OperationKind, name, roles })),
  );

  describe.each(rows)('$kind $name', ({ kind, name, roles }) => {
    it.each(CALLERS)('as %s', async (callerRole) => {
      const run = OPERATIONS[kind][name];
      expect(run).toBeDefined();
      const expected =
        callerRole === 'anonymous'
          ? 'UNAUTHENTICATED'
          : (roles as readonly Role[]).includes(callerRole)
            ? 'ok'
            : 'FORBIDDEN';
      const outcome = await run!(app, callers.get(callerRole)!, await worldFor(kind, name, expected));
      expect(outcome).toBe(expected);
    });
  });

  it('has a row for every root field of the schema', async () => {
    const response = await app.graphql<{
      __schema: Record<'queryType' | 'mutationType' | 'subscriptionType', { fields: { name: string }[] }>;
    }>(`{ __schema {
      queryType { fields { name } } mutationType { fields { name } } subscriptionType { fields { name } }
    } }`);
    const schema = response.data!.__schema;
    const named = (kind: OperationKind) =>
      [...new Set(Object.keys(ROLE_TABLE[kind]).map((row) => row.replace(/\(.*$/, '')))].sort();
    expect(schema.queryType.fields.map((field) => field.name).sort()).toEqual(named('query'));
    expect(schema.mutationType.fields.map((field) => field.name).sort()).toEqual(named('mutation'));
    expect(schema.subscriptionType.fields.map((field) => field.name).sort()).toEqual(named('subscription'));
  });
});
