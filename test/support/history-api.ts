import { withActorNames } from './actor-names.js';
import { expect } from '@jest/globals';
import type { Clock } from '../../src/shared/clock.js';
import {
  ACTION_FIELDS,
  dataOf,
  PLAN_FIELDS,
  PlanApi,
  THEME_FIELDS,
  type ActionView,
  type MutationName,
  type Rag,
  type RagSummaryView,
} from './plan-api.js';
import type { GraphQLErrorBody, GraphQLResponse, TestApp } from './test-app.js';

/*
 * Calls to the history API (time travel, audit history, board reports) for the end-to-end tests,
 * and a clock that moves only when the test says so. Live changes: live-client.ts.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The application's clock, standing still until the test moves it: every recordedAt is known. */
export class ManualClock {
  private current: number;

  constructor(start: string) {
    this.current = Date.parse(start);
  }

  readonly clock: Clock = () => new Date(this.current);

  now(): string {
    return new Date(this.current).toISOString();
  }

  /** Moves on by this many milliseconds and returns the new time. */
  advance(ms: number): string {
    this.current += ms;
    return this.now();
  }

  set(instant: string): string {
    this.current = Date.parse(instant);
    return this.now();
  }
}

/** An instant this many milliseconds after another, as the API writes instants. */
export const plus = (instant: string, ms: number): string => new Date(Date.parse(instant) + ms).toISOString();

export const CHANGE_FIELDS = `eventId planId position version recordedAt effectiveDate actor { name } correlationId
  kind actionId actionRef field from to reason`;

export interface PlanChangeView {
  eventId: string;
  planId: string;
  position: string;
  version: number;
  recordedAt: string;
  effectiveDate: string | null;
  actor: string | null;
  correlationId: string | null;
  kind: string;
  actionId: string | null;
  actionRef: string | null;
  field: string | null;
  from: string | null;
  to: string | null;
  reason: string | null;
}

export const BOARD_MEETING_FIELDS = 'id heldOn title minutesUrl recordedAt';

export interface BoardMeetingView {
  id: string;
  heldOn: string;
  title: string;
  minutesUrl: string | null;
  recordedAt: string;
}

/** Everything a plan answer holds, now or at a point in time (withdrawn actions included). */
export const PLAN_AT_QUERY = `query ($id: ID!, $asOf: DateTime, $asOfVersion: Int, $asOfBoardMeeting: ID) {
  plan(id: $id, asOf: $asOf, asOfVersion: $asOfVersion, asOfBoardMeeting: $asOfBoardMeeting) {
    ${PLAN_FIELDS}
    asOf
    boardMeetings { ${BOARD_MEETING_FIELDS} }
    themes { ${THEME_FIELDS} actions { ${ACTION_FIELDS} } }
    actions(includeWithdrawn: true) { ${ACTION_FIELDS} }
  }
}`;

/** A plan answer from PLAN_AT_QUERY; its other fields are compared whole. */
export interface PlanAtView {
  id: string;
  version: number;
  asOf: string | null;
  ragSummary: RagSummaryView;
  boardMeetings: BoardMeetingView[];
  actions: ActionView[];
  [field: string]: unknown;
}

export interface PointInTimeArgs {
  asOf?: string;
  asOfVersion?: number;
  asOfBoardMeeting?: string;
}

const DIFF_ACTION = 'action { id ref rag }';
const PLAN_DIFF_FIELDS = `planId since until
  sinceBoardMeeting { ${BOARD_MEETING_FIELDS} }
  ragMovements { ${DIFF_ACTION} from to direction reason actor { name } recordedAt effectiveDate }
  netRagChanges { ${DIFF_ACTION} from to direction addedInPeriod reasons }
  addedActions { id ref rag }
  withdrawnActions { id ref rag }
  ownerChanges { ${DIFF_ACTION} from to }
  scheduleChanges { ${DIFF_ACTION} from { commencing dueBy } to { commencing dueBy } }
  descriptionChanges { ${DIFF_ACTION} from to }
  newProgressNotes { ${DIFF_ACTION} note { text recordedAt effectiveDate actor { name } } }
  ragSummaryBefore { red amber green blue notRated total }
  ragSummaryAfter { red amber green blue notRated total }
  changes { kind actionRef from to recordedAt }`;

type DiffAction = { action: { id: string; ref: string; rag: Rag } };
export interface PlanDiffView {
  planId: string;
  since: string;
  until: string;
  sinceBoardMeeting: BoardMeetingView | null;
  /** Every RAG change of the period. */
  ragMovements: (DiffAction & {
    from: string;
    to: string;
    direction: string;
    reason: string;
    actor: string | null;
    recordedAt: string;
    effectiveDate: string | null;
  })[];
  /** The net change per action, with every reason behind it. */
  netRagChanges: (DiffAction & {
    from: string;
    to: string;
    direction: string;
    addedInPeriod: boolean;
    reasons: string[];
  })[];
  addedActions: { id: string; ref: string; rag: Rag }[];
  withdrawnActions: { id: string; ref: string; rag: Rag }[];
  ownerChanges: (DiffAction & { from: string[]; to: string[] })[];
  scheduleChanges: (DiffAction & {
    from: { commencing: string | null; dueBy: string | null };
    to: { commencing: string | null; dueBy: string | null };
  })[];
  descriptionChanges: (DiffAction & { from: string; to: string })[];
  newProgressNotes: (DiffAction & {
    note: { text: string; recordedAt: string; effectiveDate: string | null; actor: string | null };
  })[];
  ragSummaryBefore: RagSummaryView;
  ragSummaryAfter: RagSummaryView;
  changes: {
    kind: string;
    actionRef: string | null;
    from: string | null;
    to: string | null;
    recordedAt: string;
  }[];
}

export interface PlanHistoryPageView {
  edges: { cursor: string; node: PlanChangeView }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export type RagSummaryAtView = RagSummaryView & { at: string };

export const QUERIES = {
  actionAt: `query ($id: ID!, $asOf: DateTime) { action(id: $id, asOf: $asOf) { ${ACTION_FIELDS} } }`,
  actionHistory: `query ($actionId: ID!) { actionHistory(actionId: $actionId) { ${CHANGE_FIELDS} } }`,
  planHistory: `query ($planId: ID!, $filter: PlanHistoryFilter, $first: Int, $after: String) {
    planHistory(planId: $planId, filter: $filter, first: $first, after: $after) {
      edges { cursor node { ${CHANGE_FIELDS} } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }`,
  planChanges: `query ($planId: ID!, $since: DateTime, $sinceBoardMeeting: ID, $until: DateTime, $untilBoardMeeting: ID) {
    planChanges(
      planId: $planId
      since: $since
      sinceBoardMeeting: $sinceBoardMeeting
      until: $until
      untilBoardMeeting: $untilBoardMeeting
    ) {
      ${PLAN_DIFF_FIELDS}
    }
  }`,
  ragTrend: `query ($planId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!) {
    ragTrend(planId: $planId, from: $from, to: $to, interval: $interval) {
      at red amber green blue notRated total
    }
  }`,
  actionsWithRag: `query ($planId: ID!, $rag: RagStatus!, $on: DateTime!) {
    actionsWithRag(planId: $planId, rag: $rag, on: $on) { id ref rag }
  }`,
  recordBoardMeeting: `mutation ($input: RecordBoardMeetingInput!) {
    recordBoardMeeting(input: $input) { ${BOARD_MEETING_FIELDS} }
  }`,
} as const;

export interface PeriodArgs {
  since?: string;
  sinceBoardMeeting?: string;
  until?: string;
  untilBoardMeeting?: string;
}

export class HistoryApi {
  readonly plans: PlanApi;

  private readonly app: TestApp;
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(app: TestApp) {
    this.app = withActorNames(app);
    this.plans = new PlanApi(app);
  }

  /** Sends one of the plan mutations signed in as someone (an ADMIN) in a request (x-correlation-id). */
  async change<T = ActionView>(
    name: MutationName,
    input: Record<string, unknown>,
    headers: { actor?: string; correlationId?: string } = {},
  ): Promise<T> {
    const sent = {
      ...(headers.actor ? { authorization: `Bearer ${await this.tokenOf(headers.actor)}` } : {}),
      ...(headers.correlationId ? { 'x-correlation-id': headers.correlationId } : {}),
    };
    return dataOf(await this.plans.send(name, input, sent))[name] as T;
  }

  private tokenOf(name: string): Promise<string> {
    let token = this.tokens.get(name);
    if (!token) this.tokens.set(name, (token = this.app.tokenFor({ name })));
    return token;
  }

  async recordBoardMeeting(planId: string, heldOn: string, title: string): Promise<BoardMeetingView> {
    const response = await this.recordBoardMeetingResponse({ planId, heldOn, title });
    return dataOf(response).recordBoardMeeting;
  }

  recordBoardMeetingResponse(input: Record<string, unknown>) {
    return this.app.graphql<{ recordBoardMeeting: BoardMeetingView }>(QUERIES.recordBoardMeeting, { input });
  }

  planAtResponse(id: string, at: PointInTimeArgs = {}) {
    return this.app.graphql<{ plan: PlanAtView | null }>(PLAN_AT_QUERY, { id, ...at });
  }

  /** The plan now (no arguments) or at a point in time; null for an unknown plan. */
  async planAt(id: string, at: PointInTimeArgs = {}): Promise<PlanAtView | null> {
    return dataOf(await this.planAtResponse(id, at)).plan;
  }

  actionAtResponse(id: string, asOf?: string) {
    return this.app.graphql<{ action: ActionView | null }>(QUERIES.actionAt, { id, asOf });
  }

  async actionAt(id: string, asOf?: string): Promise<ActionView | null> {
    return dataOf(await this.actionAtResponse(id, asOf)).action;
  }

  actionHistoryResponse(actionId: string) {
    return this.app.graphql<{ actionHistory: PlanChangeView[] }>(QUERIES.actionHistory, { actionId });
  }

  async actionHistory(actionId: string): Promise<PlanChangeView[]> {
    return dataOf(await this.actionHistoryResponse(actionId)).actionHistory;
  }

  planHistoryResponse(
    planId: string,
    args: { filter?: Record<string, unknown>; first?: number; after?: string },
  ) {
    return this.app.graphql<{ planHistory: PlanHistoryPageView }>(QUERIES.planHistory, { planId, ...args });
  }

  async planHistory(
    planId: string,
    args: { filter?: Record<string, unknown>; first?: number; after?: string } = {},
  ): Promise<PlanHistoryPageView> {
    return dataOf(await this.planHistoryResponse(planId, args)).planHistory;
  }

  /** Every change matching the filter, oldest first, in one page. */
  async allChanges(planId: string, filter: Record<string, unknown> = {}): Promise<PlanChangeView[]> {
    return (await this.planHistory(planId, { filter, first: 500 })).edges.map((edge) => edge.node);
  }

  planChangesResponse(planId: string, args: PeriodArgs) {
    return this.app.graphql<{ planChanges: PlanDiffView }>(QUERIES.planChanges, { planId, ...args });
  }

  async planChanges(planId: string, args: PeriodArgs = {}): Promise<PlanDiffView> {
    return dataOf(await this.planChangesResponse(planId, args)).planChanges;
  }

  ragTrendResponse(planId: string, from: string, to: string, interval: 'DAY' | 'WEEK' | 'MONTH') {
    return this.app.graphql<{ ragTrend: RagSummaryAtView[] }>(QUERIES.ragTrend, {
      planId,
      from,
      to,
      interval,
    });
  }

  async ragTrend(planId: string, from: string, to: string, interval: 'DAY' | 'WEEK' | 'MONTH') {
    return dataOf(await this.ragTrendResponse(planId, from, to, interval)).ragTrend;
  }

  actionsWithRagResponse(planId: string, rag: Rag, on: string) {
    return this.app.graphql<{ actionsWithRag: { id: string; ref: string; rag: Rag }[] }>(
      QUERIES.actionsWithRag,
      { planId, rag, on },
    );
  }

  /** Refs of the actions that had this RAG status at that instant. */
  async refsWithRag(planId: string, rag: Rag, on: string): Promise<string[]> {
    return dataOf(await this.actionsWithRagResponse(planId, rag, on)).actionsWithRag.map(
      (action) => action.ref,
    );
  }
}

/**
 * A query failed with exactly one error of this code and field, and no stack trace. Unlike
 * expectError (for mutations), a nullable query field may come back as null beside the error.
 */
export function expectQueryError<T>(
  response: GraphQLResponse<T>,
  expected: { code: string; field?: string },
): GraphQLErrorBody {
  expect(response.errors).toHaveLength(1);
  const error = response.errors![0]!;
  expect({ code: error.extensions?.code, field: error.extensions?.field }).toEqual(expected);
  expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
  expect(error.extensions).not.toHaveProperty('stacktrace');
  return error;
}
