import type { PageError } from '../web-graphql.js';
import type { Visit, WebPages } from '../web-pages.js';
import { NO_SUCH_PLAN } from '../../plans/domain/errors.js';

const PLAN = /* GraphQL */ `
  query AdminPlan($id: ID!) {
    plan(id: $id) {
      id
      title
      status
      localAuthority
      boardMeetings {
        id
        title
        heldOn
      }
    }
  }
`;

export interface AdminPlan {
  readonly id: string;
  readonly title: string;
  readonly status: 'DRAFT' | 'APPROVED' | 'CLOSED';
  readonly localAuthority: string | null;
  readonly boardMeetings: readonly { id: string; title: string; heldOn: string }[];
}

/** The API's own words for an unknown plan (or one of another council). */
const NO_SUCH_PLAN_PAGE: PageError = { code: 'NOT_FOUND', message: `${NO_SUCH_PLAN}.` };

/**
 * The plan an ADMIN form is about, as the visitor may read it; undefined after the error page
 * (not found, or not theirs to see).
 */
export async function planForForm(pages: WebPages, visit: Visit, planId: string) {
  const answer = await pages.ask<{ plan: AdminPlan | null }>(visit, PLAN, { id: planId });
  if (!answer.ok) return void (await pages.refuse(visit, answer.errors));
  if (!answer.data.plan) return void (await pages.refuse(visit, [NO_SUCH_PLAN_PAGE]));
  return answer.data.plan;
}

/**
 * An empty form is only offered to an ADMIN: there is nothing to ask the API before they submit.
 * This is courtesy, not the gate: every POST runs the API's operation, which refuses anyone else.
 */
export async function offeredToAdmin(pages: WebPages, visit: Visit, what: string): Promise<boolean> {
  if (pages.may(visit, 'administer')) return true;
  await pages.refuse(visit, [{ code: 'FORBIDDEN', message: `Only an administrator can ${what}.` }]);
  return false;
}

/** The breadcrumbs of a page about one plan. */
export const planCrumbs = (plan: Pick<AdminPlan, 'id' | 'title'>) => [
  { text: 'Plans', href: '/plans' },
  { text: plan.title, href: `/plans/${plan.id}` },
];
