import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The README is a contract: every GraphQL block in it runs, in order, against a fresh app on the
 * day the tests run, signed in as an ADMIN. Ids a block creates feed the variables of later ones.
 */
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const BLOCKS = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

/** Where each variable the README uses comes from in an earlier answer. */
const REMEMBERED: Record<string, (data: Record<string, unknown>) => unknown> = {
  planId: (data) => (data.createPlan as { id?: string } | undefined)?.id,
  themeId: (data) => (data.addTheme as { id?: string } | undefined)?.id,
  actionId: (data) => (data.addAction as { id?: string } | undefined)?.id,
  boardId: (data) => (data.recordBoardMeeting as { id?: string } | undefined)?.id,
  noteId: (data) => lastNoteId(data),
};

function lastNoteId(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(lastNoteId).filter(Boolean).at(-1);
  if (typeof value !== 'object' || value === null) return undefined;
  const notes = (value as { progressNotes?: { id?: string }[] }).progressNotes;
  const own = notes?.at(-1)?.id;
  return own ?? Object.values(value).map(lastNoteId).filter(Boolean).at(-1);
}

const declaredVariables = (source: string): string[] =>
  parse(source).definitions.flatMap((definition) =>
    'variableDefinitions' in definition
      ? (definition.variableDefinitions ?? []).map((variable) => variable.variable.name.value)
      : [],
  );

describe('the README’s GraphQL examples, run as written', () => {
  let app: TestApp;
  const known: Record<string, unknown> = {};

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('has examples to run', () => expect(BLOCKS.length).toBeGreaterThan(5));

  it.each(BLOCKS.map((source, index) => [index + 1, source] as const))(
    'block %i answers without errors',
    async (_n, source) => {
      const variables = Object.fromEntries(
        declaredVariables(source).map((name) => {
          expect({ name, known: name in known }).toEqual({ name, known: true });
          return [name, known[name]];
        }),
      );
      const response = await app.graphql<Record<string, unknown>>(source, variables);
      // README_OUTPUT=<file> keeps each answer, to paste real output into the README.
      if (process.env.README_OUTPUT)
        appendFileSync(process.env.README_OUTPUT, `${JSON.stringify(response.data)}\n`);
      expect(response.errors).toBeUndefined();
      expect(response.data).toBeTruthy();
      for (const [name, from] of Object.entries(REMEMBERED)) {
        const value = from(response.data!);
        if (value !== undefined) known[name] = value;
      }
    },
  );
});
