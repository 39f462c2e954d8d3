import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse } from 'graphql';
import { checkRequestLimits, MAX_COST } from './request-limits.js';

const schema = buildSchema(`
  type Query { plan: Plan }
  type Plan { id: ID, history(first: Int): [Change] }
  type Change { id: ID, by: Person }
  type Person { name: String }
`);

/**
 * Each change is 2 objects (itself and its person), so `first` decides whether this is refused;
 * $note is read by no argument the cost depends on.
 */
const HISTORY = parse(`query ($first: Int, $note: String, $withPeople: Boolean!) {
  plan { id history(first: $first) { id by @include(if: $withPeople) { name } } }
  again: plan { id }
}`);

const check = (variables: Record<string, unknown>) => () => checkRequestLimits(schema, HISTORY, variables);

describe('request limits of one document sent again and again', () => {
  it('given the same query with another `first`, costs it again: a small one passes, a large one is refused', () => {
    expect(check({ first: 10, withPeople: true })).not.toThrow();
    expect(check({ first: MAX_COST, withPeople: true })).toThrow(/may return up to/);
    expect(check({ first: 10, withPeople: true })).not.toThrow();
  });

  it('given a variable of @include that changes, costs it again', () => {
    const half = Math.floor(MAX_COST / 1.5);
    expect(check({ first: half, withPeople: false })).not.toThrow();
    expect(check({ first: half, withPeople: true })).toThrow(/may return up to/);
  });

  it('given other variables that change (a note), gives the same answer', () => {
    expect(check({ first: MAX_COST, note: 'a', withPeople: true })).toThrow(/may return up to/);
    expect(check({ first: MAX_COST, note: 'b', withPeople: true })).toThrow(/may return up to/);
    expect(check({ first: 5, note: 'c', withPeople: true })).not.toThrow();
  });
});
