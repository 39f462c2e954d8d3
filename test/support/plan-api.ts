import { withActorNames } from './actor-names.js';
import { expect } from '@jest/globals';
import type { GraphQLErrorBody, GraphQLResponse, TestApp } from './test-app.js';

/*
 * Calls to the GraphQL API with data from the Isle of Wight 2024 ILACS improvement plan
 * (test/fixtures/iow-2024-ilacs-improvement-plan.txt, a copy of the published plan). Helpers throw with the error list
 * when a response has errors, so a test states only what it is about.
 */

export type Rag = 'RED' | 'AMBER' | 'GREEN' | 'BLUE' | 'NOT_RATED';

export interface ProgressNoteView {
  id: string;
  text: string;
  recordedAt: string;
  effectiveDate: string | null;
  actor: string | null;
}

export interface ActionView {
  id: string;
  planId: string;
  themeId: string;
  ref: string;
  description: string;
  owners: string[];
  commencing: string | null;
  dueBy: string | null;
  rag: Rag;
  withdrawn: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  progressNotes: ProgressNoteView[];
}

export interface ThemeView {
  id: string;
  planId: string;
  number: number;
  title: string | null;
  whatNeedsToImprove: string | null;
  inspectorFindings: string | null;
}

export interface RagSummaryView {
  red: number;
  amber: number;
  green: number;
  blue: number;
  notRated: number;
  total: number;
}

export interface PlanView {
  id: string;
  title: string;
  localAuthority: string | null;
  status: 'DRAFT' | 'APPROVED' | 'CLOSED';
  version: number;
  createdAt: string;
  updatedAt: string;
  inspection: {
    inspectorate: string;
    framework: string;
    startDate: string;
    endDate: string;
    judgement: string | null;
  } | null;
  ragSummary: RagSummaryView;
  themes: ThemeView[];
}

export const ACTION_FIELDS = `id planId themeId ref description owners commencing dueBy rag withdrawn version
  createdAt updatedAt progressNotes { id text recordedAt effectiveDate actor { name } }`;
export const THEME_FIELDS = 'id planId number title whatNeedsToImprove inspectorFindings';
export const PLAN_FIELDS = `id title localAuthority status version createdAt updatedAt
  inspection { inspectorate framework startDate endDate judgement }
  ragSummary { red amber green blue notRated total }
  themes { ${THEME_FIELDS} }`;

/** Everything a board member can see of a plan in one answer. */
export const FULL_PLAN_QUERY = `query ($id: ID!) {
  plan(id: $id) {
    ${PLAN_FIELDS}
    themes { ${THEME_FIELDS} actions { ${ACTION_FIELDS} } }
    actions { ${ACTION_FIELDS} }
    withdrawn: actions(includeWithdrawn: true) { id ref withdrawn }
  }
}`;

const mutation = (name: string, inputType: string, fields: string) =>
  `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`;

/** Every mutation of the API, each taking one `$input` variable. */
export const MUTATIONS = {
  createPlan: mutation('createPlan', 'CreatePlanInput', PLAN_FIELDS),
  approvePlan: mutation('approvePlan', 'ApprovePlanInput', PLAN_FIELDS),
  closePlan: mutation('closePlan', 'ClosePlanInput', PLAN_FIELDS),
  addTheme: mutation('addTheme', 'AddThemeInput', THEME_FIELDS),
  addAction: mutation('addAction', 'AddActionInput', ACTION_FIELDS),
  changeRagStatus: mutation('changeRagStatus', 'ChangeRagStatusInput', ACTION_FIELDS),
  addProgressNote: mutation('addProgressNote', 'AddProgressNoteInput', ACTION_FIELDS),
  assignActionOwners: mutation('assignActionOwners', 'AssignActionOwnersInput', ACTION_FIELDS),
  rescheduleAction: mutation('rescheduleAction', 'RescheduleActionInput', ACTION_FIELDS),
  reviseActionDescription: mutation('reviseActionDescription', 'ReviseActionDescriptionInput', ACTION_FIELDS),
  withdrawAction: mutation('withdrawAction', 'WithdrawActionInput', ACTION_FIELDS),
} as const;

export type MutationName = keyof typeof MUTATIONS;

// Data from the published plan.

export const IOW_PLAN = {
  title: 'Isle of Wight Children’s Services ILACS Improvement Plan 2024',
  localAuthority: 'Isle of Wight Council',
  inspection: {
    inspectorate: 'Ofsted',
    framework: 'ILACS',
    startDate: '2023-10-30',
    endDate: '2023-11-03',
    judgement: 'GOOD',
  },
};

export const THEMES = {
  caseloads: {
    number: 1,
    title: 'Caseloads and the impact this has on the quality of work and intervention.',
    whatNeedsToImprove:
      'A reduction of some caseloads in the children’s assessment and safeguarding teams is required.',
    inspectorFindings:
      'Caseloads in some teams were too high. This has had a negative impact on some areas of practice. ' +
      'There was some variability in children’s assessments.',
  },
  preProceedings: {
    number: 2,
    title: 'The pre-proceedings process in the Public Law Outline (PLO)',
    whatNeedsToImprove:
      'The timeliness of decision making for children subject of a pre-proceedings process and the ' +
      'recording of rationale when timeframes are extended.',
  },
  /** Section 4 (permanence) has no heading in the published text. */
  permanence: { number: 4 },
} as const;

export const ACTIONS = {
  '1.1': {
    ref: '1.1',
    description:
      'Reduction in caseloads for staff in Child Assessment and Safeguarding Teams. Caseloads should be ' +
      'maintained at an agreed level unless agreed by exception with Service Manager oversight.',
    owners: ['Service Director', 'Service Manager Operations', 'Team Managers'],
    commencing: '2023-12',
  },
  '1.2': {
    ref: '1.2',
    description: 'Ensure children’s assessments are consistently comprehensive and of excellent quality.',
    owners: ['Service Director', 'Service Manager Operations', 'Team Managers'],
    commencing: '2024-03',
    rag: 'AMBER',
  },
  '1.4': {
    ref: '1.4',
    description:
      'Undertake collaborative thematic audits to ensure focus with the appropriate manager and allocated ' +
      'practitioner, to drive individual practice and whole service improvement.',
    owners: ["Children's Management Team"],
    commencing: '2024-05',
    rag: 'AMBER',
  },
  '2.1': {
    ref: '2.1',
    description:
      'Introduction of a revised Pre-Proceedings Framework has been made available to staff and added to ' +
      'the Children’s Toolkit.',
    owners: ['Service Manager Operations'],
    commencing: '2024-03',
    rag: 'GREEN',
  },
  /** In the published plan 4.3 has no owner, no date and no RAG. */
  '4.3': {
    ref: '4.3',
    description:
      'To ensure that all children who would benefit from life story work are able to access this in a ' +
      'timely way.',
  },
} as const;

const published = (ref: string, description: string, owner: string, commencing: string) => ({
  ref,
  description,
  owners: [owner],
  commencing,
});

/** Actions 1.1 to 1.10 of theme 1 as published (descriptions cut to their first sentence). */
export const THEME_1_ACTIONS = [
  published('1.1', ACTIONS['1.1'].description, 'Service Director', '2023-12'),
  published('1.2', ACTIONS['1.2'].description, 'Service Manager Operations', '2024-03'),
  published('1.3', 'Ensure all staff consistently complete chronologies.', 'Team Managers', '2024-04'),
  published('1.4', ACTIONS['1.4'].description, "Children's Management Team", '2024-05'),
  published(
    '1.5',
    'Effective monitoring of a Service Level Agreement for MASH.',
    'Service Director',
    '2024-04',
  ),
  published('1.6', 'Ensure that the escalation policy is consistently applied.', 'Team Managers', '2024-04'),
  published('1.7', 'Work on how and when families’ consent will be sought.', 'Service Director', '2024-04'),
  published(
    '1.8',
    'Undertake a system review of work where consent was not obtained.',
    'Lead IRO',
    '2024-04',
  ),
  published('1.9', 'Refresh supervision recording protocols.', "Children's Management Team", '2024-04'),
  published('1.10', 'Review and update the "what good looks like" exemplars.', 'Team Managers', '2024-04'),
];

export const NOTES = {
  caseloads:
    'Several new staff have joined the local authority since December 2023. This has led to a reduction ' +
    'in caseloads. Work is required to continue to reduce caseloads down further.',
  workshops:
    'Workshops are planned for social workers providing a standardised approach for achieving a good ' +
    'standard of assessment and SMART planning.',
};

/** An NHS number with a valid modulus-11 check digit. */
export const NHS_NUMBER = '943 476 5919';

export class GraphQLRequestFailed extends Error {
  constructor(readonly errors: readonly GraphQLErrorBody[]) {
    super(`GraphQL request failed: ${JSON.stringify(errors, null, 2)}`);
    this.name = 'GraphQLRequestFailed';
  }
}

/** The data of a response; throws with the error list when there are errors. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || response.data === undefined || response.data === null) {
    throw new GraphQLRequestFailed(response.errors ?? [{ message: `No data (HTTP ${response.status})` }]);
  }
  return response.data;
}

/** The code, field and reason a client should see; field may be an asymmetric matcher. */
export interface ExpectedError {
  readonly code: string;
  readonly field?: unknown;
  readonly reason?: string;
}

/** A stack frame as Node prints it ("at fn (file.js:1:2)"), or a source location of a module. */
const STACK_FRAME = /\bat (?:\S+ )?\(?(?:file:\/\/|\/|node:)|\.[cm]?[jt]s:\d+:\d+/;

/**
 * The response failed with exactly one error of this code (and field, and reason), with no data,
 * no stack trace and no stack frames anywhere in the body. Returns the error.
 */
export function expectError<T>(response: GraphQLResponse<T>, expected: ExpectedError): GraphQLErrorBody {
  expect(response.errors).toHaveLength(1);
  const error = response.errors![0]!;
  const { code, field, reason } = error.extensions ?? {};
  expect({ code, field, reason }).toEqual({
    code: expected.code,
    field: expected.field,
    reason: expected.reason,
  });
  expect(response.data ?? null).toBeNull();
  expect(error.extensions).not.toHaveProperty('stacktrace');
  expect(error.extensions).not.toHaveProperty('exception');
  expect(response.body).not.toMatch(STACK_FRAME);
  expect(error.message).not.toMatch(/internal server error/i);
  return error;
}

export class PlanApi {
  private readonly app: TestApp;

  constructor(app: TestApp) {
    this.app = withActorNames(app);
  }

  /** Sends one of MUTATIONS and returns the raw response (for tests of errors). */
  send(name: MutationName, input: Record<string, unknown>, headers?: Record<string, string>) {
    return this.app.graphql<Record<string, unknown>>(MUTATIONS[name], { input }, headers);
  }

  /**
   * Sends a mutation that must fail with this error, and checks that nothing was appended: the
   * events table has as many rows as before and the plan (when given) is at the same version.
   */
  rejects(
    name: MutationName,
    input: Record<string, unknown>,
    expected: ExpectedError,
    planId?: string,
  ): Promise<GraphQLErrorBody> {
    return this.rejectsRequest(() => this.send(name, input), expected, planId);
  }

  /** Like rejects, for any request (a mutation with literal arguments, say). */
  async rejectsRequest(
    request: () => Promise<GraphQLResponse<unknown>>,
    expected: ExpectedError,
    planId?: string,
  ): Promise<GraphQLErrorBody> {
    const eventsBefore = this.app.eventCount();
    const versionBefore = planId === undefined ? undefined : (await this.plan(planId))?.version;
    const error = expectError(await request(), expected);
    expect(this.app.eventCount()).toBe(eventsBefore);
    if (planId !== undefined) expect((await this.plan(planId))?.version).toBe(versionBefore);
    return error;
  }

  private async run<T>(name: MutationName, input: Record<string, unknown>): Promise<T> {
    return dataOf(await this.send(name, input))[name] as T;
  }

  async query<T>(source: string, variables?: Record<string, unknown>): Promise<T> {
    return dataOf(await this.app.graphql<T>(source, variables));
  }

  createPlan(input: Record<string, unknown> = {}): Promise<PlanView> {
    return this.run('createPlan', { ...IOW_PLAN, ...input });
  }

  approvePlan(planId: string): Promise<PlanView> {
    return this.run('approvePlan', { planId });
  }

  closePlan(
    planId: string,
    reason = 'All actions complete and embedded; superseded by the 2025 plan',
  ): Promise<PlanView> {
    return this.run('closePlan', { planId, reason });
  }

  addTheme(planId: string, theme: Record<string, unknown> = THEMES.caseloads): Promise<ThemeView> {
    return this.run('addTheme', { planId, ...theme });
  }

  addAction(
    planId: string,
    themeId: string,
    action: Record<string, unknown> = ACTIONS['1.1'],
  ): Promise<ActionView> {
    return this.run('addAction', { planId, themeId, ...action });
  }

  changeRagStatus(actionId: string, rag: Rag, reason: string, extra: Record<string, unknown> = {}) {
    return this.run<ActionView>('changeRagStatus', { actionId, rag, reason, ...extra });
  }

  addProgressNote(actionId: string, text: string, extra: Record<string, unknown> = {}) {
    return this.run<ActionView>('addProgressNote', { actionId, text, ...extra });
  }

  assignActionOwners(actionId: string, owners: string[], extra: Record<string, unknown> = {}) {
    return this.run<ActionView>('assignActionOwners', { actionId, owners, ...extra });
  }

  rescheduleAction(actionId: string, dates: Record<string, unknown>, reason: string) {
    return this.run<ActionView>('rescheduleAction', { actionId, ...dates, reason });
  }

  reviseActionDescription(actionId: string, description: string, reason: string) {
    return this.run<ActionView>('reviseActionDescription', { actionId, description, reason });
  }

  withdrawAction(actionId: string, reason: string, extra: Record<string, unknown> = {}) {
    return this.run<ActionView>('withdrawAction', { actionId, reason, ...extra });
  }

  async plan(id: string): Promise<PlanView | null> {
    return (
      await this.query<{ plan: PlanView | null }>(`query ($id: ID!) { plan(id: $id) { ${PLAN_FIELDS} } }`, {
        id,
      })
    ).plan;
  }

  /** The plan's actions, filtered as the API allows (rag, owner, themeId, unassigned, includeWithdrawn). */
  async actions(planId: string, filters: Record<string, unknown> = {}): Promise<ActionView[]> {
    const source = `query ($id: ID!, $rag: RagStatus, $owner: String, $themeId: ID, $unassigned: Boolean,
        $includeWithdrawn: Boolean) {
      plan(id: $id) {
        actions(rag: $rag, owner: $owner, themeId: $themeId, unassigned: $unassigned,
          includeWithdrawn: $includeWithdrawn) { ${ACTION_FIELDS} }
      }
    }`;
    const { plan } = await this.query<{ plan: { actions: ActionView[] } | null }>(source, {
      id: planId,
      ...filters,
    });
    if (!plan) throw new Error(`No plan ${planId}`);
    return plan.actions;
  }

  async action(id: string): Promise<ActionView | null> {
    return (
      await this.query<{ action: ActionView | null }>(
        `query ($id: ID!) { action(id: $id) { ${ACTION_FIELDS} } }`,
        {
          id,
        },
      )
    ).action;
  }

  async plans(): Promise<PlanView[]> {
    return (await this.query<{ plans: PlanView[] }>(`{ plans { ${PLAN_FIELDS} } }`)).plans;
  }

  /** The full answer a board would see (themes with their actions, actions, withdrawn ones). */
  async fullPlan(id: string): Promise<unknown> {
    return (await this.query<{ plan: unknown }>(FULL_PLAN_QUERY, { id })).plan;
  }

  /**
   * A draft plan with themes 1, 2 and 4 (no heading) and actions 1.1 (not rated), 1.2 (amber),
   * 1.4 (amber), 2.1 (green) and 4.3 (no owner, no date).
   */
  async seedPlan(input: Record<string, unknown> = {}) {
    const plan = await this.createPlan(input);
    const caseloads = await this.addTheme(plan.id, THEMES.caseloads);
    const preProceedings = await this.addTheme(plan.id, THEMES.preProceedings);
    const permanence = await this.addTheme(plan.id, THEMES.permanence);
    const actions = {
      '1.1': await this.addAction(plan.id, caseloads.id, ACTIONS['1.1']),
      '1.2': await this.addAction(plan.id, caseloads.id, ACTIONS['1.2']),
      '1.4': await this.addAction(plan.id, caseloads.id, ACTIONS['1.4']),
      '2.1': await this.addAction(plan.id, preProceedings.id, ACTIONS['2.1']),
      '4.3': await this.addAction(plan.id, permanence.id, ACTIONS['4.3']),
    };
    return { plan, themes: { caseloads, preProceedings, permanence }, actions };
  }
}
