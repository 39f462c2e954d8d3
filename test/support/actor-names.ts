import type { TestApp } from './test-app.js';

/**
 * Most tests care only who made a change by name: they select `actor { name }` and compare names.
 * This flattens each such `actor: { name }` of a response to the name; answers that select more of
 * the actor (the sign-in tests) are left as they are.
 */
export function withActorNames(app: TestApp): TestApp {
  return Object.assign(Object.create(app) as TestApp, {
    graphql: async (...args: Parameters<TestApp['graphql']>) => {
      const response = await app.graphql(...args);
      return { ...response, data: actorNames(response.data) };
    },
  });
}

/** The same flattening for an answer that did not come through TestApp.graphql (a subscription's). */
export const actorNames = <T>(value: T): T => flatten(value) as T;

function flatten(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(flatten);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === 'actor' && onlyName(inner) ? inner.name : flatten(inner),
    ]),
  );
}

const onlyName = (value: unknown): value is { name: string } =>
  typeof value === 'object' && value !== null && Object.keys(value).length === 1 && 'name' in value;
