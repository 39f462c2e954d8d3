import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { graphql } from './api.js';

/** The plan as the API gives it, to check the overview against (never numbers copied by hand). */
export interface PlanFacts {
  readonly ragSummary: Readonly<Record<'total' | 'red' | 'amber' | 'green' | 'blue' | 'notRated', number>>;
  readonly themes: readonly { readonly id: string; readonly number: number; readonly title: string | null }[];
  readonly actions: readonly {
    readonly id: string;
    readonly ref: string;
    readonly rag: string;
    readonly owners: readonly string[];
    readonly themeId: string;
    readonly overdue: boolean;
  }[];
}

export async function planFacts(request: APIRequestContext, planId: string): Promise<PlanFacts> {
  const { plan } = await graphql<{ plan: PlanFacts }>(
    request,
    `
      query ($id: ID!) {
        plan(id: $id) {
          ragSummary {
            total
            red
            amber
            green
            blue
            notRated
          }
          themes {
            id
            number
            title
          }
          actions {
            id
            ref
            rag
            owners
            themeId
            overdue
          }
        }
      }
    `,
    { id: planId },
  );
  return plan;
}

/** Changes an action's RAG through the API, as another client would; returns its RAG before. */
export async function changeRag(
  request: APIRequestContext,
  planId: string,
  ref: string,
  rag: string,
): Promise<string> {
  const action = (await planFacts(request, planId)).actions.find((one) => one.ref === ref);
  if (!action) throw new Error(`No action ${ref} in plan ${planId}`);
  await graphql(
    request,
    'mutation ($input: ChangeRagStatusInput!) { changeRagStatus(input: $input) { rag } }',
    { input: { actionId: action.id, rag, reason: `Moved to ${rag} by a test` } },
  );
  return action.rag;
}

/** Adds an action nobody owns yet to the plan's first theme. */
export async function addUnownedAction(request: APIRequestContext, planId: string, ref: string) {
  const { themes } = await planFacts(request, planId);
  await graphql(request, 'mutation ($input: AddActionInput!) { addAction(input: $input) { id } }', {
    input: { planId, themeId: themes[0]!.id, ref, description: 'Agree who leads the audit', owners: [] },
  });
}

/** The row of one action in the overview's tables. */
export const actionRow = (page: Page, ref: string): Locator => page.locator(`tr[data-action-ref="${ref}"]`);

/** The RAG tag of an action's row. */
export const ragTagOf = (page: Page, ref: string): Locator => actionRow(page, ref).locator('.app-rag');

export async function expectShowing(page: Page, shown: number, total: number): Promise<void> {
  await expect(page.locator('#plan-showing')).toHaveText(`Showing ${shown} of ${total} actions`);
}

/** The refs the overview lists now, in page order. */
export const listedRefs = (page: Page): Promise<string[]> =>
  page
    .locator('tr[data-action-ref]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action-ref')!));

/** Opens the as-at control (a <details>) unless it is open already. */
export async function openAsAt(page: Page): Promise<void> {
  const summary = page.getByText('See the plan as it was at an earlier time');
  const details = page.locator('details', { has: summary });
  if (!(await details.evaluate((element) => element.hasAttribute('open')))) await summary.click();
}

/** Fills the as-at control's date and time and shows the plan as it was. */
export async function showAsAt(
  page: Page,
  fields: { day: string; month: string; year: string; time?: string },
): Promise<void> {
  await openAsAt(page);
  await page.getByLabel('Day', { exact: true }).fill(fields.day);
  await page.getByLabel('Month', { exact: true }).fill(fields.month);
  await page.getByLabel('Year', { exact: true }).fill(fields.year);
  await page.getByLabel('Time (optional)').fill(fields.time ?? '');
  await page.getByRole('button', { name: 'Show the plan as it was' }).click();
}

/** Waits until the clock has passed the next whole second, and returns that second. */
export async function nextWholeSecond(): Promise<Date> {
  const second = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
  await new Promise((resolve) => setTimeout(resolve, second.getTime() - Date.now() + 50));
  return second;
}
