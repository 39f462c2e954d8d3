import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from '@jest/globals';
import type { GraphQLResponse, TestApp } from './test-app.js';
import { download } from './export-api.js';

/** The published Isle of Wight plan, pasted from Word: 9 themes, 36 actions. */
export const IOW_FIXTURE = fileURLToPath(
  new URL('../fixtures/iow-2024-ilacs-improvement-plan.txt', import.meta.url),
);
export const IOW_FILE_NAME = 'iow-2024-ilacs-improvement-plan.txt';
export const iowText = (): string => readFileSync(IOW_FIXTURE, 'utf8');

export interface ReportLineView {
  line: number | null;
  message: string;
}

export interface ImportReportView {
  planId: string | null;
  dryRun: boolean;
  created: boolean;
  summary: {
    themesAdded: number;
    actionsAdded: number;
    ragChanges: number;
    progressNotesAdded: number;
    ownerChanges: number;
    reschedules: number;
    descriptionRevisions: number;
    themeRevisions: number;
  };
  changes: ReportLineView[];
  warnings: ReportLineView[];
  problems: ReportLineView[];
  appendedEvents: number;
}

const IMPORT_PLAN = `mutation ($input: ImportPlanInput!) {
  importPlan(input: $input) {
    planId dryRun created appendedEvents
    summary { themesAdded actionsAdded ragChanges progressNotesAdded ownerChanges reschedules descriptionRevisions themeRevisions }
    changes { line message }
    warnings { line message }
    problems { line message }
  }
}`;

export function sendImport(
  app: TestApp,
  input: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<GraphQLResponse<{ importPlan: ImportReportView }>> {
  return app.graphql<{ importPlan: ImportReportView }>(IMPORT_PLAN, { input }, headers);
}

/** Imports and returns the report, failing the test on a GraphQL error (problems are data, not errors). */
export async function importPlan(app: TestApp, input: Record<string, unknown>): Promise<ImportReportView> {
  const response = await sendImport(app, input);
  expect(response.errors).toBeUndefined();
  return response.data!.importPlan;
}

/** The plan's own CSV or XLSX export imported back into it: what a round trip records. */
export async function reimportExport(
  app: TestApp,
  planId: string,
  format: 'csv' | 'xlsx',
): Promise<ImportReportView> {
  const file = await download(app, planId, format);
  const content =
    format === 'csv' ? { text: file.body.toString() } : { base64: file.body.toString('base64') };
  return importPlan(app, { planId, fileName: `plan.${format}`, format: format.toUpperCase(), ...content });
}

/** The Isle of Wight plan as a new plan (the text has no title of its own). */
export function importIowPlan(app: TestApp, input: Record<string, unknown> = {}): Promise<ImportReportView> {
  return importPlan(app, {
    fileName: IOW_FILE_NAME,
    format: 'TEXT',
    text: iowText(),
    title: 'Isle of Wight ILACS improvement plan 2024',
    ...input,
  });
}
