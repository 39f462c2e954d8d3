import { describe, expect, it } from '@jest/globals';
import type { GraphQLServerContext } from '@apollo/server';
import { buildSchema, GraphQLError } from 'graphql';
import { LiveSchema } from './live-operation-limits.js';

const schema = buildSchema('type Query { plans: [Plan!]! } type Plan { id: ID! title: String! }');

async function started(hideSchema: boolean): Promise<LiveSchema> {
  const live = new LiveSchema(hideSchema);
  await live.plugin.serverWillStart!({ schema } as GraphQLServerContext);
  return live;
}

const errorsOf = (checked: ReturnType<LiveSchema['check']>) =>
  Array.isArray(checked)
    ? checked.map((error: GraphQLError) => [error.extensions.code, error.message])
    : 'runs';

describe('an operation over the live connection, checked as over HTTP', () => {
  it('runs a valid query within the limits, parsed once', async () => {
    const checked = (await started(true)).check({ query: '{ plans { id } }' });
    expect(errorsOf(checked)).toBe('runs');
    expect(checked).toMatchObject({ schema, operationName: undefined });
  });

  it('in production, refuses introspection and names no field it was not shown', async () => {
    const live = await started(true);
    const introspection = errorsOf(live.check({ query: '{ __schema { types { name } } }' }));
    expect(introspection).toContainEqual([
      'GRAPHQL_VALIDATION_FAILED',
      'GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
    ]);
    expect(errorsOf(live.check({ query: '{ plans { titel } }' }))).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', 'Cannot query field "titel" on type "Plan".'],
    ]);
  });

  it('elsewhere, allows introspection and suggests the field meant', async () => {
    const live = await started(false);
    expect(errorsOf(live.check({ query: '{ __schema { types { name } } }' }))).toBe('runs');
    expect(errorsOf(live.check({ query: '{ plans { titel } }' }))).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', 'Cannot query field "titel" on type "Plan". Did you mean "title"?'],
    ]);
  });

  it('answers until the schema is known that the server is starting', () => {
    expect(errorsOf(new LiveSchema(true).check({ query: '{ plans { id } }' }))).toEqual([
      ['UNAVAILABLE', 'The server is starting'],
    ]);
  });
});
