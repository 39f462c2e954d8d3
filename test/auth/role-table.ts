import type { Role } from '../../src/auth/domain/actor.js';

/**
 * Who may do what: every GraphQL root field, HTTP route and command-line tool, with the roles that
 * may use it. This table is the documentation (the README points here) and role-table.e2e.spec.ts
 * checks every row for every role, and that every root field of the schema has a row.
 */
const EVERYONE: Role[] = ['VIEWER', 'EDITOR', 'AUDITOR', 'ADMIN'];
const EDITORS: Role[] = ['EDITOR', 'ADMIN'];
const AUDITORS: Role[] = ['AUDITOR', 'ADMIN'];
const ADMIN: Role[] = ['ADMIN'];

export const ROLE_TABLE = {
  query: {
    plans: EVERYONE,
    plan: EVERYONE,
    'plan(asOf | asOfBoardMeeting | asOfVersion)': AUDITORS,
    'plan(effectiveOn)': AUDITORS,
    action: EVERYONE,
    'action(asOf)': AUDITORS,
    actionHistory: EVERYONE,
    planHistory: EVERYONE,
    planChanges: EVERYONE,
    slippedActions: EVERYONE,
    ragTrend: EVERYONE,
    actionsWithRag: EVERYONE,
    searchPlan: EVERYONE,
    verifyAuditTrail: AUDITORS,
  },
  mutation: {
    createPlan: ADMIN,
    approvePlan: ADMIN,
    closePlan: ADMIN,
    addTheme: ADMIN,
    reviseTheme: ADMIN,
    addAction: ADMIN,
    withdrawAction: ADMIN,
    recordBoardMeeting: ADMIN,
    importPlan: ADMIN,
    redactText: ADMIN,
    listOwnerRole: ADMIN,
    retireOwnerRole: ADMIN,
    changeRagStatus: EDITORS,
    addProgressNote: EDITORS,
    recordActionUpdate: EDITORS,
    assignActionOwners: EDITORS,
    rescheduleAction: EDITORS,
    reviseActionDescription: EDITORS,
  },
  subscription: {
    planChanged: EVERYONE,
  },
  route: {
    'GET /plans/:planId/export.csv': EVERYONE,
    'GET /plans/:planId/export.xlsx': EVERYONE,
    'GET /plans/:planId/export.csv?asOf=…': AUDITORS,
    'GET /plans/:planId/history.csv': EVERYONE,
    'GET /plans/:planId/board-pack': EVERYONE,
    'GET /plans/:planId/board-pack.pdf': EVERYONE,
    // Prometheus scrapes with METRICS_TOKEN instead (README, "Metrics").
    'GET /metrics': ADMIN,
  },
  cli: {
    'npm run import': ADMIN,
    'npm run board-pack': EVERYONE,
    'npm run verify': AUDITORS,
  },
} as const satisfies Record<string, Record<string, readonly Role[]>>;

export type OperationKind = keyof typeof ROLE_TABLE;
