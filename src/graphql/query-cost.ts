import { getNamedType, getNullableType, isCompositeType, isListType } from 'graphql';
import type { ComplexityEstimator, ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { MAX_TREND_POINTS, trendInstants, type TrendInterval } from '../history/domain/rag-trend.js';
import { MAX_EVIDENCE } from '../plans/domain/evidence.js';

/**
 * How many items a list is assumed to hold when nothing in the query says, sized on a large
 * legitimate plan (a plan is not loaded before the cost is known, so its real size cannot be used):
 * a dozen themes, 200 actions, two years of monthly notes and board meetings.
 */
const ASSUMED_SIZES: Readonly<Record<string, number>> = {
  'Query.plans': 50,
  'ImprovementPlan.themes': 12,
  'ImprovementPlan.actions': 200,
  'ImprovementPlan.boardMeetings': 24,
  'Theme.actions': 20,
  'ImprovementAction.progressNotes': 24,
  // Sized by the `first` of the field above them (planHistory, search), counted there once.
  'PlanChangeConnection.edges': 1,
  'PlanSearchResult.hits': 1,
};

/** Any other list (history diffs, movements, reschedules): generous, so few legitimate queries reach it. */
const ASSUMED_LIST_SIZE = 100;

function trendPoints(args: Record<string, unknown>): number {
  try {
    const from = new Date(args.from as string);
    const to = new Date(args.to as string);
    return trendInstants(from, to, args.interval as TrendInterval).length;
  } catch {
    return MAX_TREND_POINTS; // refused later anyway; count it at its largest meanwhile
  }
}

/**
 * The only field arguments the cost reads (with the arguments of @skip/@include): a request's cost
 * changes with the values of the variables used there, and with nothing else of its variables.
 */
export const COST_ARGUMENTS: ReadonlySet<string> = new Set(['first', 'from', 'to', 'interval']);

/** How many times the items below this field are built (reads only COST_ARGUMENTS). */
function multiplier({ type, field, args }: ComplexityEstimatorArgs): number {
  if (typeof args.first === 'number') return Math.max(1, args.first);
  if (field.name === 'ragTrend') return trendPoints(args);
  if (!isListType(getNullableType(field.type))) return 1;
  if (getNamedType(field.type).name === 'Evidence') return MAX_EVIDENCE;
  return ASSUMED_SIZES[`${type.name}.${field.name}`] ?? ASSUMED_LIST_SIZE;
}

/**
 * The cost of a query is the number of objects its answer may hold: each object costs 1, scalars
 * nothing (their size is bounded by the object holding them), and everything below a list counts
 * once per item. So 120 aliases of a plan with its actions and notes cost 120 times one of them.
 */
export const estimateCost: ComplexityEstimator = (options) => {
  const objects = isCompositeType(getNamedType(options.field.type)) ? 1 + options.childComplexity : 0;
  return multiplier(options) * objects;
};
