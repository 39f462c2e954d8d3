import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type ArgumentNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { COST_ARGUMENTS, estimateCost } from './query-cost.js';

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

/** What the limits need of a document, worked out once per document. */
interface DocumentMeasures {
  readonly aliases: number;
  /** The variables its cost depends on (see COST_ARGUMENTS). */
  readonly costVariables: readonly string[];
  /** Its cost by operation name and those variables' values. */
  readonly costs: Map<string, number | undefined>;
}

const MAX_COSTS_PER_DOCUMENT = 32;

/**
 * Apollo keeps each parsed query and hands the same document to every request that sends the
 * same text, so the limits of a screen's query are worked out on its first request only.
 */
const measured = new WeakMap<DocumentNode, DocumentMeasures>();

function measuresOf(document: DocumentNode): DocumentMeasures {
  let known = measured.get(document);
  if (!known) {
    known = { aliases: aliasCount(document), costVariables: costVariablesOf(document), costs: new Map() };
    measured.set(document, known);
  }
  return known;
}

function costVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: ArgumentNode) =>
    visit(node, { [Kind.VARIABLE]: (variable) => void names.add(variable.name.value) });
  visit(document, {
    [Kind.DIRECTIVE]: (directive) => directive.arguments?.forEach(collect),
    [Kind.FIELD]: (field) =>
      field.arguments?.filter((arg) => COST_ARGUMENTS.has(arg.name.value)).forEach(collect),
  });
  return [...names].sort();
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
  const known = measuresOf(document);
  if (known.aliases > MAX_ALIASES) {
    throw refused(`The query uses ${known.aliases} aliases; at most ${MAX_ALIASES} are allowed`);
  }
  const key = JSON.stringify([operationName, known.costVariables.map((name) => variables?.[name])]);
  if (!known.costs.has(key)) {
    if (known.costs.size >= MAX_COSTS_PER_DOCUMENT) known.costs.clear();
    known.costs.set(key, queryCost(schema, document, variables, operationName));
  }
  const cost = known.costs.get(key);
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
