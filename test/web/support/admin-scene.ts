import { fileURLToPath } from 'node:url';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { FIXTURE_PLAN_TEXT, graphql } from './api.js';
import { ADMIN, tokenFor, type WebUser } from './sign-in.js';

/** The Isle of Wight plan as a council would upload it. */
export const FIXTURE_PLAN_FILE = fileURLToPath(
  new URL('../../fixtures/iow-2024-ilacs-improvement-plan.txt', import.meta.url),
);

export interface PlanState {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly ragSummary: { readonly total: number };
  readonly boardMeetings: readonly { id: string; title: string; heldOn: string }[];
}

const PLAN_FIELDS = 'id title status ragSummary { total } boardMeetings { id title heldOn }';

/** The plans with this title, as the API lists them: how a test sees whether a form recorded anything. */
export async function plansTitled(request: APIRequestContext, title: string): Promise<PlanState[]> {
  const { plans } = await graphql<{ plans: PlanState[] }>(request, `{ plans { ${PLAN_FIELDS} } }`);
  return plans.filter((plan) => plan.title === title);
}

export async function planState(request: APIRequestContext, planId: string): Promise<PlanState> {
  const { plan } = await graphql<{ plan: PlanState }>(
    request,
    `query ($id: ID!) { plan(id: $id) { ${PLAN_FIELDS} } }`,
    { id: planId },
  );
  return plan;
}

/** A UK calendar day, `offset` days from today ("2024-04-23"). */
export function ukDay(offset = 0): string {
  const day = new Date(Date.now() + offset * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(day);
}

/** The fixture imported as if the council's file took effect `effectiveDate`, so boards may meet since. */
export async function importFixtureAsOf(
  request: APIRequestContext,
  title: string,
  effectiveDate: string,
): Promise<string> {
  const { importPlan } = await graphql<{ importPlan: { planId: string } }>(
    request,
    'mutation ($input: ImportPlanInput!) { importPlan(input: $input) { planId } }',
    {
      input: {
        title,
        effectiveDate,
        fileName: 'iow-2024-ilacs-improvement-plan.txt',
        format: 'TEXT',
        text: FIXTURE_PLAN_TEXT,
      },
    },
  );
  return importPlan.planId;
}

export async function createPlan(request: APIRequestContext, title: string): Promise<string> {
  const { createPlan: plan } = await graphql<{ createPlan: { id: string } }>(
    request,
    'mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }',
    { input: { title } },
  );
  return plan.id;
}

export async function recordBoardMeeting(
  request: APIRequestContext,
  planId: string,
  meeting: { title: string; heldOn: string },
): Promise<string> {
  const { recordBoardMeeting: recorded } = await graphql<{ recordBoardMeeting: { id: string } }>(
    request,
    'mutation ($input: RecordBoardMeetingInput!) { recordBoardMeeting(input: $input) { id } }',
    { input: { planId, ...meeting } },
  );
  return recorded.id;
}

export async function actionIdByRef(request: APIRequestContext, planId: string, ref: string) {
  const { plan } = await graphql<{ plan: { actions: { id: string; ref: string; rag: string }[] } }>(
    request,
    'query ($id: ID!) { plan(id: $id) { actions { id ref rag } } }',
    { id: planId },
  );
  const action = plan.actions.find((candidate) => candidate.ref === ref);
  if (!action) throw new Error(`The plan has no action ${ref}`);
  return action;
}

export async function changeRag(
  request: APIRequestContext,
  actionId: string,
  change: { rag: string; reason: string },
): Promise<void> {
  await graphql(
    request,
    'mutation ($input: ChangeRagStatusInput!) { changeRagStatus(input: $input) { id } }',
    {
      input: { actionId, ...change },
    },
  );
}

/** The plan's export as a CSV file, downloaded as another client would (bearer token). */
export async function exportCsv(request: APIRequestContext, planId: string, as: WebUser = ADMIN) {
  const response = await request.get(`/plans/${planId}/export.csv`, {
    headers: { authorization: `Bearer ${await tokenFor(as)}` },
  });
  expect(response.status()).toBe(200);
  return response.body();
}

/** Types a day into a GOV.UK date input by its name prefix ("heldOn"). */
export async function fillDate(page: Page, name: string, day: string): Promise<void> {
  const [year, month, date] = day.split('-');
  await page.locator(`#${name}-day`).fill(String(Number(date)));
  await page.locator(`#${name}-month`).fill(String(Number(month)));
  await page.locator(`#${name}-year`).fill(year!);
}

/** The CSRF token of the signed-in page, for a test that forges a POST as that person. */
export async function csrfOf(page: Page): Promise<string> {
  const token = await page.locator('input[name="_csrf"]').first().getAttribute('value');
  if (!token) throw new Error('The page has no CSRF token');
  return token;
}

/** The value beside a key of a GOV.UK summary list ("Actions added" → "36"). */
export const summaryValue = (page: Page, key: string) =>
  page.locator('.govuk-summary-list__row', { has: page.locator('dt', { hasText: key }) }).locator('dd');

/** The fixture with ref 1.1 a second time at its end: a problem the parser names by both lines. */
export function fileWithProblems(): Buffer {
  const action = FIXTURE_PLAN_TEXT.split('\n').find((line) => line.startsWith('1.1\t'))!;
  return Buffer.from(`${FIXTURE_PLAN_TEXT.trimEnd()}\n${action}\n`, 'utf8');
}
