import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { estimateCost } from './query-cost.js';

/**
 * Most aliases one request may use. A board screen asks for a plan once, or two points in time side
 * by side; the README and the tests use a handful. 2,500 aliases of `ragTrend` once ran 74 s and 3.4 GB.
 */
export const MAX_ALIASES = 30;

/**
 * Most objects an answer may hold (see estimateCost). The largest legitimate screen, the tests'
 * FULL_PLAN_QUERY (every theme's and every action's notes, with who wrote them) costs about 22,000
 * on a large plan, 75,000 with each note's evidence; this leaves room for that and refuses the same
 * screen asked for twice over. It is also what bounds the response: no answer holds more objects
 * than this (each a few hundred bytes at most) unless a plan is larger than ASSUMED_SIZES.
 */
export const MAX_COST = 100_000;

/** Most tokens a query may have: the README's largest is a few hundred; refused while parsing. */
export const MAX_TOKENS = 3_000;

/** graphql-js stops parsing at MAX_TOKENS with a syntax error (spelt "more that"): a refusal like the others. */
export const isTooManyTokens = (message: string): boolean =>
  /^Syntax Error: Document contains more tha[nt] \d+ tokens/.test(message);

export const TOO_MANY_TOKENS = `The query is longer than ${MAX_TOKENS} tokens (names, values and punctuation); send a shorter one`;

/** Most fields, fragments and selections to walk while costing a query (the library's default). */
const MAX_QUERY_NODES = 10_000;

function refused(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', field: 'query', http: { status: 400 } },
  });
}

export function aliasCount(document: DocumentNode): number {
  let aliases = 0;
  visit(document, {
    [Kind.FIELD]: (field) => {
      if (field.alias) aliases += 1;
    },
  });
  return aliases;
}

/** The cost of one operation; undefined when its variables are wrong (execution says how, later). */
export function queryCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables?: Record<string, unknown>,
  operationName?: string,
): number | undefined {
  try {
    return getComplexity({
      schema,
      query,
      variables,
      operationName,
      estimators: [estimateCost],
      maxQueryNodes: MAX_QUERY_NODES,
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message))
      throw refused(error.message);
    return undefined;
  }
}

/** Refuses a request too large to answer before any resolver runs. */
export function checkRequestLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables?: Record<string, unknown>,
  operationName?: string,
): void {
  const aliases = aliasCount(document);
  if (aliases > MAX_ALIASES) {
    throw refused(`The query uses ${aliases} aliases; at most ${MAX_ALIASES} are allowed`);
  }
  const cost = queryCost(schema, document, variables, operationName);
  if (cost !== undefined && cost > MAX_COST) {
    throw refused(
      `The query may return up to ${cost} objects; at most ${MAX_COST} are allowed: ask for fewer ` +
        'fields, a smaller `first`, a shorter trend, or split it into several requests',
    );
  }
}

/** The Apollo side: checked once the operation is known, before it executes. */
export const requestLimits: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, request, operationName }) {
        checkRequestLimits(schema, document, request.variables, operationName ?? undefined);
      },
    };
  },
};

/**
 * "Did you mean …?" names fields a caller has not been shown; with introspection off in
 * production it would hand the schema out piece by piece.
 */
export const hideSchemaDetails = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.NODE_ENV === 'production';
