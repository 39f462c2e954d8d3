import { expect } from '@jest/globals';
import { Database } from '../../src/event-store/sqlite/sqlite-driver.js';
import { planStream } from '../../src/plans/plan-stream.js';
import type { GraphQLResponse, TestApp } from './test-app.js';

/* The audit trail over HTTP, for the tamper-evidence tests: the query, the board pack's head, tampering. */

export interface AuditTrailVerificationView {
  readonly valid: boolean;
  readonly eventsChecked: number;
  readonly headHash: string;
  readonly firstInvalidVersion: number | null;
}

const VERIFY = `query ($planId: ID!) {
  verifyAuditTrail(planId: $planId) { valid eventsChecked headHash firstInvalidVersion }
}`;

export function verifyAuditTrailResponse(
  app: TestApp,
  planId: string,
  headers?: Record<string, string>,
): Promise<GraphQLResponse<{ verifyAuditTrail: AuditTrailVerificationView | null }>> {
  return app.graphql(VERIFY, { planId }, headers);
}

/** The verification, which must come without errors. */
export async function verifyAuditTrail(app: TestApp, planId: string): Promise<AuditTrailVerificationView> {
  const response = await verifyAuditTrailResponse(app, planId);
  expect(response.errors).toBeUndefined();
  return response.data!.verifyAuditTrail!;
}

/** The head hash the HTML board pack prints, and the version it says it stands for. */
export async function boardPackHead(app: TestApp, planId: string, query = '') {
  const response = await fetch(`${app.url}/plans/${planId}/board-pack${query}`, {
    headers: await app.adminHeaders(),
  });
  expect(response.status).toBe(200);
  const line = /Audit trail head \(SHA-256\) at version (\d+), .*?: ([0-9a-f]{64})/.exec(
    await response.text(),
  );
  if (!line) throw new Error('The board pack prints no audit trail head');
  return { version: Number(line[1]), hash: line[2]! };
}

/** Someone with access to the database file changes it behind the application's back. */
export function tamperWithStore(app: Pick<TestApp, 'dataDir'>, sql: string, ...parameters: unknown[]): void {
  const db = new Database(`${app.dataDir}/events.db`);
  try {
    db.prepare(sql).run(...parameters);
  } finally {
    db.close();
  }
}

/** The plan's stored events, oldest first. */
export const planEvents = (app: TestApp, planId: string) =>
  app.storedEvents().filter((event) => event.stream === planStream(planId));
