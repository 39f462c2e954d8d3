import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type APIRequestContext } from '@playwright/test';
import { ADMIN, tokenFor, type WebUser } from './sign-in.js';

/** The Isle of Wight's published plan (36 actions), as imported by council staff. */
export const FIXTURE_PLAN_TEXT = readFileSync(
  fileURLToPath(new URL('../../fixtures/iow-2024-ilacs-improvement-plan.txt', import.meta.url)),
  'utf8',
);

/**
 * Sets the scene through the GraphQL API, as another client would (the pages under test are what
 * the browser then sees). Throws on any error so a broken scene never passes for a broken page.
 */
export async function graphql<T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
  as: WebUser = ADMIN,
): Promise<T> {
  const response = await request.post('/graphql', {
    headers: { authorization: `Bearer ${await tokenFor(as)}`, 'content-type': 'application/json' },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

/** Imports the fixture plan under a title of the test's own, so tests never see each other's plans. */
export async function importFixturePlan(request: APIRequestContext, title: string): Promise<string> {
  const { importPlan } = await graphql<{ importPlan: { planId: string } }>(
    request,
    `
      mutation ($input: ImportPlanInput!) {
        importPlan(input: $input) {
          planId
        }
      }
    `,
    {
      input: {
        title,
        fileName: 'iow-2024-ilacs-improvement-plan.txt',
        format: 'TEXT',
        text: FIXTURE_PLAN_TEXT,
      },
    },
  );
  return importPlan.planId;
}
