import { describe, expect, it } from '@jest/globals';
import { getOperationAST, parse } from 'graphql';
import { refusalOfMutation } from './one-mutation-per-request.js';

const refusal = (source: string, operationName?: string) => {
  const document = parse(source);
  return refusalOfMutation(getOperationAST(document, operationName)!, document);
};

const RAG_AND_NOTE = `mutation ($id: ID!) {
  changeRagStatus(input: { actionId: $id, rag: GREEN, reason: "At target" }) { rag }
  addProgressNote(input: { actionId: $id, text: "Two social workers recruited." }) { version }
}`;

describe('one mutation per request', () => {
  it('lets one root mutation field through, with __typename beside it, and any query', () => {
    expect(refusal('mutation { approvePlan(input: { planId: "p" }) { id } __typename }')).toBeUndefined();
    expect(refusal('{ plans { id } plan(id: "p") { id } }')).toBeUndefined();
  });

  it('refuses a RAG change and a note in one document, pointing at recordActionUpdate', () => {
    const error = refusal(RAG_AND_NOTE)!;
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'addProgressNote' });
    expect(error.message).toContain('holds 2 (changeRagStatus, addProgressNote)');
    expect(error.message).toContain('use recordActionUpdate');
  });

  it('counts aliases of the same field as separate fields', () => {
    const error = refusal(`mutation {
      first: addProgressNote(input: { actionId: "a", text: "One." }) { version }
      second: addProgressNote(input: { actionId: "a", text: "Two." }) { version }
    }`)!;
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'second' });
    expect(error.message).toContain('Send each mutation in its own request');
  });

  it('follows fragments at the root', () => {
    const error = refusal(`mutation {
      approvePlan(input: { planId: "p" }) { id }
      ... on Mutation { closePlan(input: { planId: "p", reason: "Done" }) { id } }
      ...more
    }
    fragment more on Mutation { createPlan(input: { title: "T" }) { id } }`);
    expect(error?.message).toContain('holds 3 (approvePlan, closePlan, createPlan)');
  });

  it('judges the operation asked for in a document holding several', () => {
    const source = `query Read { plans { id } } ${RAG_AND_NOTE.replace('mutation', 'mutation Update')}`;
    expect(refusal(source, 'Read')).toBeUndefined();
    expect(refusal(source, 'Update')).toBeDefined();
  });
});
