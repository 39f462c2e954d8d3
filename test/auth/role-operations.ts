import { boardPackMain } from '../../src/cli/board-pack-run.js';
import { importCommand } from '../../src/cli/import-command.js';
import { verifyMain } from '../../src/cli/verify-run.js';
import { IOW_FIXTURE, iowText } from '../support/import-api.js';
import { IOW_PLAN } from '../support/plan-api.js';
import { cli, graphql, now, route, subscribe, today, type Run } from './role-runners.js';
import type { OperationKind } from './role-table.js';

export { CALLERS, type Caller, type World } from './role-runners.js';

const PLAN = 'query ($id: ID!) { plan(id: $id) { id } }';
const ACTION = 'query ($id: ID!) { action(id: $id) { id } }';
const mutation = (name: string, type: string) =>
  `mutation ($input: ${type}!) { ${name}(input: $input) { __typename } }`;

/** One way to call each row of the role table. */
export const OPERATIONS: { readonly [K in OperationKind]: Record<string, Run> } = {
  query: {
    plans: graphql('{ plans { id } }', () => ({})),
    plan: graphql(PLAN, ({ planId }) => ({ id: planId })),
    'plan(asOf | asOfBoardMeeting | asOfVersion)': graphql(
      'query ($id: ID!, $v: Int) { plan(id: $id, asOfVersion: $v) { id } }',
      ({ planId }) => ({ id: planId, v: 1 }),
    ),
    'plan(effectiveOn)': graphql(
      'query ($id: ID!, $on: Date) { plan(id: $id, effectiveOn: $on) { id } }',
      ({ planId }) => ({ id: planId, on: today() }),
    ),
    action: graphql(ACTION, ({ actionId }) => ({ id: actionId })),
    'action(asOf)': graphql(
      'query ($id: ID!, $asOf: DateTime) { action(id: $id, asOf: $asOf) { id } }',
      ({ actionId }) => ({ id: actionId, asOf: now() }),
    ),
    actionHistory: graphql(
      'query ($id: ID!) { actionHistory(actionId: $id) { eventId } }',
      ({ actionId }) => ({
        id: actionId,
      }),
    ),
    planHistory: graphql('query ($id: ID!) { planHistory(planId: $id) { totalCount } }', ({ planId }) => ({
      id: planId,
    })),
    planChanges: graphql(
      'query ($id: ID!, $since: DateTime) { planChanges(planId: $id, since: $since) { until } }',
      ({ planId }) => ({ id: planId, since: '2024-01-01T00:00:00Z' }),
    ),
    slippedActions: graphql('query ($id: ID!) { slippedActions(planId: $id) { until } }', ({ planId }) => ({
      id: planId,
    })),
    ragTrend: graphql(
      'query ($id: ID!, $from: DateTime!, $to: DateTime!) { ragTrend(planId: $id, from: $from, to: $to, interval: DAY) { total } }',
      ({ planId }) => ({ id: planId, from: now(), to: now() }),
    ),
    actionsWithRag: graphql(
      'query ($id: ID!, $on: DateTime!) { actionsWithRag(planId: $id, rag: AMBER, on: $on) { id } }',
      ({ planId }) => ({ id: planId, on: now() }),
    ),
    searchPlan: graphql(
      'query ($id: ID!) { searchPlan(planId: $id, text: "supervision") { totalCount } }',
      ({ planId }) => ({ id: planId }),
    ),
    verifyAuditTrail: graphql(
      'query ($id: ID!) { verifyAuditTrail(planId: $id) { valid } }',
      ({ planId }) => ({
        id: planId,
      }),
    ),
  },
  mutation: {
    createPlan: graphql(mutation('createPlan', 'CreatePlanInput'), () => ({
      input: { title: IOW_PLAN.title },
    })),
    approvePlan: graphql(mutation('approvePlan', 'ApprovePlanInput'), ({ planId }) => ({
      input: { planId },
    })),
    closePlan: graphql(mutation('closePlan', 'ClosePlanInput'), ({ planId }) => ({
      input: { planId, reason: 'Superseded by the 2025 plan' },
    })),
    addTheme: graphql(mutation('addTheme', 'AddThemeInput'), ({ planId }) => ({
      input: { planId, number: 2, title: 'Supervision' },
    })),
    reviseTheme: graphql(mutation('reviseTheme', 'ReviseThemeInput'), ({ planId, themeId }) => ({
      input: { planId, themeId, title: 'Caseloads', reason: 'Heading as published' },
    })),
    addAction: graphql(mutation('addAction', 'AddActionInput'), ({ planId, themeId }) => ({
      input: { planId, themeId, ref: '1.2', description: 'Audit supervision records.' },
    })),
    withdrawAction: graphql(mutation('withdrawAction', 'WithdrawActionInput'), ({ actionId }) => ({
      input: { actionId, reason: 'Merged into 1.3' },
    })),
    recordBoardMeeting: graphql(mutation('recordBoardMeeting', 'RecordBoardMeetingInput'), ({ planId }) => ({
      input: { planId, heldOn: today(), title: 'Improvement board' },
    })),
    importPlan: graphql(mutation('importPlan', 'ImportPlanInput'), () => ({
      input: { fileName: 'plan.txt', format: 'TEXT', text: iowText(), dryRun: true },
    })),
    redactText: graphql(mutation('redactText', 'RedactTextInput'), ({ planId, noteId }) => ({
      input: { planId, noteId, reason: 'Names a child' },
    })),
    listOwnerRole: graphql(mutation('listOwnerRole', 'ListOwnerRoleInput'), ({ planId }) => ({
      input: { planId, name: 'Lead IRO', aliases: ['LIRO'] },
    })),
    retireOwnerRole: async (app, caller, world) => {
      // A role no action owns, listed by the test ADMIN, so that only the caller's role decides.
      await app.graphql(mutation('listOwnerRole', 'ListOwnerRoleInput'), {
        input: { planId: world.planId, name: 'Lead IRO', aliases: [] },
      });
      return graphql(mutation('retireOwnerRole', 'RetireOwnerRoleInput'), ({ planId }) => ({
        input: { planId, name: 'Lead IRO', reason: 'Post deleted in the restructure' },
      }))(app, caller, world);
    },
    changeRagStatus: graphql(mutation('changeRagStatus', 'ChangeRagStatusInput'), ({ actionId }) => ({
      input: { actionId, rag: 'GREEN', reason: 'Caseloads at target' },
    })),
    addProgressNote: graphql(mutation('addProgressNote', 'AddProgressNoteInput'), ({ actionId }) => ({
      input: { actionId, text: 'Caseloads audited.' },
    })),
    recordActionUpdate: graphql(
      mutation('recordActionUpdate', 'RecordActionUpdateInput'),
      ({ actionId }) => ({
        input: { actionId, rag: 'GREEN', reason: 'Caseloads at target', note: 'Caseloads audited.' },
      }),
    ),
    assignActionOwners: graphql(
      mutation('assignActionOwners', 'AssignActionOwnersInput'),
      ({ actionId }) => ({
        input: { actionId, owners: ['Team Managers', 'Lead IRO'] },
      }),
    ),
    rescheduleAction: graphql(mutation('rescheduleAction', 'RescheduleActionInput'), ({ actionId }) => ({
      input: { actionId, dueBy: '2025-03', reason: 'Recruitment delayed' },
    })),
    reviseActionDescription: graphql(
      mutation('reviseActionDescription', 'ReviseActionDescriptionInput'),
      ({ actionId }) => ({
        input: { actionId, description: 'Reduce caseloads to 18.', reason: 'Target agreed' },
      }),
    ),
  },
  subscription: { planChanged: subscribe },
  route: {
    'GET /plans/:planId/export.csv': route(({ planId }) => `/plans/${planId}/export.csv`),
    'GET /plans/:planId/export.xlsx': route(({ planId }) => `/plans/${planId}/export.xlsx`),
    'GET /plans/:planId/export.csv?asOf=…': route(
      ({ planId }) => `/plans/${planId}/export.csv?asOf=${encodeURIComponent(now())}`,
    ),
    'GET /plans/:planId/history.csv': route(({ planId }) => `/plans/${planId}/history.csv`),
    'GET /plans/:planId/board-pack': route(({ planId }) => `/plans/${planId}/board-pack`),
    'GET /plans/:planId/board-pack.pdf': route(({ planId }) => `/plans/${planId}/board-pack.pdf`),
    'GET /metrics': route(() => '/metrics'),
  },
  cli: {
    'npm run import': cli((_world, token) =>
      importCommand([IOW_FIXTURE, '--title', 'IoW plan', '--dry-run', ...token]),
    ),
    'npm run board-pack': cli(({ planId }, token) => boardPackMain(['--plan', planId, ...token])),
    'npm run verify': cli(({ planId }, token) => verifyMain(['--plan', planId, ...token])),
  },
};
