import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryBus } from '@nestjs/cqrs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse } from 'graphql';
import { MAX_ALIASES, MAX_COST, queryCost } from '../src/graphql/request-limits.js';
import { expectError, FULL_PLAN_QUERY, PlanApi } from './support/plan-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const TREND =
  'ragTrend(planId: $planId, from: "2024-01-01T00:00:00Z", to: "2030-10-01T00:00:00Z", interval: DAY)';
const trendAliases = (count: number) =>
  `query ($planId: ID!) { ${Array.from({ length: count }, (_, i) => `t${i}: ${TREND} { at red }`).join(' ')} }`;
const NOTES = 'actions { id ref progressNotes { id text actor { name } evidence { title } } }';
const planAliases = (count: number) =>
  `query ($planId: ID!) { ${Array.from({ length: count }, (_, i) => `p${i}: plan(id: $planId) { ...notes }`).join(' ')} }
  fragment notes on ImprovementPlan { ${NOTES} }`;

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const README_QUERIES = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('requests too large to answer are refused before anything runs', () => {
  let app: TestApp;
  let planId: string;
  let queriesRun = 0;

  beforeAll(async () => {
    app = await startTestApp();
    planId = (await new PlanApi(app).seedPlan()).plan.id;
    // Every read goes through the query bus: counting its calls shows whether a resolver ran.
    const bus = app.nest.get(QueryBus);
    const execute = bus.execute.bind(bus);
    bus.execute = ((query: never) => {
      queriesRun += 1;
      return execute(query);
    }) as typeof bus.execute;
  });

  afterAll(() => app.close());

  const refusedUnrun = async (query: string, message: RegExp) => {
    const before = queriesRun;
    const response = await app.graphql(query, { planId });
    const error = expectError(response, { code: 'BAD_USER_INPUT', field: 'query' });
    expect(error.message).toMatch(message);
    expect(response.status).toBe(400);
    expect(queriesRun).toBe(before);
  };

  it('refuses 2,500 aliases of a daily RAG trend (a 74 s, 3.4 GB request before)', () =>
    refusedUnrun(trendAliases(2_500), /longer than 3000 tokens/));

  it('refuses more aliases than a screen needs, even in a short query', () =>
    refusedUnrun(trendAliases(MAX_ALIASES + 1), /uses 31 aliases; at most 30/));

  it("refuses 120 aliases of a plan's actions and notes (a 500 after 1 GB before)", () =>
    refusedUnrun(planAliases(120), /uses 120 aliases/));

  it('refuses the same by cost when the aliases are few', () =>
    refusedUnrun(planAliases(5), /may return up to \d+ objects; at most 100000/));

  it('answers the largest legitimate screen: the full plan beside a year of daily trend', async () => {
    const query = FULL_PLAN_QUERY.replace(
      'query ($id: ID!) {',
      `query ($id: ID!) { ragTrend(planId: $id, from: "2024-01-01T00:00:00Z", to: "2024-12-31T00:00:00Z", interval: DAY) { at red }`,
    );
    const response = await app.graphql<{ plan: { actions: unknown[] } }>(query, { id: planId });
    expect(response.errors).toBeUndefined();
    expect(response.data?.plan.actions).toHaveLength(5);
  });

  it('costs the README and the largest test queries well within the limit', () => {
    const { schema } = app.nest.get(GraphQLSchemaHost);
    // The README's variables are all ids; any id costs the same.
    const ids = { id: 'x', planId: 'x', themeId: 'x', actionId: 'x', boardId: 'x', noteId: 'x' };
    const costs = [FULL_PLAN_QUERY, ...README_QUERIES].map((query) => queryCost(schema, parse(query), ids));
    // FULL_PLAN_QUERY on the assumed large plan: 12 themes × 20 actions and 200 actions, 24 notes each.
    expect(costs[0]).toBe(21_787);
    for (const cost of costs) expect(cost).toBeLessThan(MAX_COST / 2);
  });
});

describe('field suggestions', () => {
  const misspelt = '{ plans { titel } }';

  it('are given outside production', async () => {
    const app = await startTestApp();
    const response = await app.graphql(misspelt);
    await app.close();
    expect(response.errors?.[0]?.message).toMatch(/Did you mean "title"/);
  });

  it('are left out in production, where they would reveal the schema', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const app = await startTestApp().finally(() => (process.env.NODE_ENV = previous));
    const response = await app.graphql(misspelt);
    await app.close();
    expect(response.errors?.[0]?.message).toBe('Cannot query field "titel" on type "ImprovementPlan".');
    expect(response.body).not.toMatch(/Did you mean/);
  });
});
