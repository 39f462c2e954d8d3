import type { Staleness } from '../../reports/domain/stale.js';
import { daysSlippedText, scheduleText, themeTitle } from '../../reports/presentation/display.js';
import type { PageError } from '../web-graphql.js';
import type { Visit, WebPages } from '../web-pages.js';
import { ACTION_FIELDS, staleOf, type ActionView } from './action-view.js';
import { timelineEntry, type ActionChange, type TimelineEntry } from './timeline.js';
import { EVIDENCE } from '../graphql-fields.js';

const ACTION_PAGE = /* GraphQL */ `
  query ActionPage($actionId: ID!) {
    action(id: $actionId) {
      ${ACTION_FIELDS}
      originalCommencing
      originalDueBy
      daysSlipped
      withdrawn
      updatedAt
      progressNotes { id text recordedAt effectiveDate actor { name } ${EVIDENCE} }
    }
    actionHistory(actionId: $actionId) {
      eventId kind field from to reason recordedAt effectiveDate actor { name } ${EVIDENCE}
    }
  }
`;

/** Most owner roles asked about by alias at once (requests allow 30 aliases). */
const MAX_OWNED_ROLES = 25;

/** The plan around the action and, for an editor scoped to roles, whether one of them owns it. */
function planQuery(roles: number): string {
  const variables = Array.from({ length: roles }, (_, index) => `, $o${index}: String!`).join('');
  const owned = Array.from({ length: roles }, (_, index) => `o${index}: actions(owner: $o${index}) { id }`);
  return `query ActionPlan($planId: ID!${variables}) {
    plan(id: $planId) { id title status themes { id number title } ${owned.join(' ')} }
  }`;
}

export interface PageAction extends ActionView {
  readonly originalCommencing: string | null;
  readonly originalDueBy: string | null;
  readonly daysSlipped: number | null;
  readonly withdrawn: boolean;
  readonly updatedAt: string;
}

interface PlanAround {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly themes: readonly { id: string; number: number; title: string | null }[];
  readonly [owned: `o${number}`]: readonly { id: string }[] | undefined;
}

export interface ActionPage {
  readonly action: PageAction;
  readonly plan: { readonly id: string; readonly title: string; readonly status: string };
  readonly theme: string | null;
  readonly history: readonly ActionChange[];
  readonly timeline: readonly TimelineEntry[];
  readonly stale: Staleness | null;
  /** Its dates as first planned and how far they moved, once rescheduled. */
  readonly slippage: { readonly originally: string; readonly slipped: string } | null;
  /** Whether to offer the edit forms: the API decides again on every change. */
  readonly mayUpdate: boolean;
}

type Loaded = { ok: true; page: ActionPage } | { ok: false; errors: PageError[] };

const NOT_FOUND: PageError[] = [{ code: 'NOT_FOUND', message: 'No action has that id.' }];

/** An action, its timeline and its plan: two operations (the plan is known once the action is). */
export async function loadActionPage(pages: WebPages, visit: Visit, actionId: string): Promise<Loaded> {
  const answer = await pages.ask<{ action: PageAction | null; actionHistory: ActionChange[] }>(
    visit,
    ACTION_PAGE,
    { actionId },
  );
  if (!answer.ok) return answer;
  const { action, actionHistory } = answer.data;
  if (!action) return { ok: false, errors: NOT_FOUND };
  const { user } = visit;
  const roles = pages.may(visit, 'administer') ? [] : user.owns.slice(0, MAX_OWNED_ROLES);
  const around = await pages.ask<{ plan: PlanAround | null }>(visit, planQuery(roles.length), {
    planId: action.planId,
    ...Object.fromEntries(roles.map((role, index) => [`o${index}`, role])),
  });
  if (!around.ok) return around;
  const { plan } = around.data;
  if (!plan) return { ok: false, errors: NOT_FOUND };
  const owned =
    roles.length === 0 ||
    user.owns.length > MAX_OWNED_ROLES ||
    roles.some((_, index) => plan[`o${index}`]?.some(({ id }) => id === action.id));
  const theme = plan.themes.find(({ id }) => id === action.themeId);
  return {
    ok: true,
    page: {
      action,
      plan: { id: plan.id, title: plan.title, status: plan.status },
      theme: theme ? themeTitle(theme) : null,
      history: actionHistory,
      timeline: actionHistory.map(timelineEntry),
      stale: action.withdrawn ? null : staleOf(action, new Date()),
      slippage: slippageOf(action),
      mayUpdate: pages.may(visit, 'editAction') && owned && !action.withdrawn && plan.status !== 'CLOSED',
    },
  };
}

function slippageOf(action: PageAction): ActionPage['slippage'] {
  const { originalCommencing, originalDueBy, commencing, dueBy, daysSlipped } = action;
  if (originalCommencing === commencing && originalDueBy === dueBy) return null;
  const originally = scheduleText({ commencing: originalCommencing, dueBy: originalDueBy });
  return {
    originally: originally.charAt(0).toUpperCase() + originally.slice(1),
    slipped: daysSlippedText(daysSlipped),
  };
}
