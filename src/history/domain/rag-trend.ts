import { invalid } from '../../plans/domain/errors.js';

export type TrendInterval = 'DAY' | 'WEEK' | 'MONTH';

/** A chart needs no more points than this; a longer series must use a coarser interval. */
export const MAX_TREND_POINTS = 1_000;

/**
 * The instants of a trend series: `from`, then every interval after it up to `to`, and `to`
 * itself when the last step falls short of it (so the series always ends at "now" or the end).
 */
export function trendInstants(from: Date, to: Date, interval: TrendInterval): Date[] {
  if (to < from) throw invalid('to', '`to` must not be before `from`');
  const instants: Date[] = [];
  // Stop just past the cap rather than build a huge list only to refuse it.
  for (let step = 0; instants.length <= MAX_TREND_POINTS; step += 1) {
    const at = advance(from, interval, step);
    if (at > to) break;
    instants.push(at);
  }
  if (instants.at(-1)!.getTime() !== to.getTime()) instants.push(to);
  if (instants.length > MAX_TREND_POINTS) {
    throw invalid('interval', `That would be more than ${MAX_TREND_POINTS} points: choose a longer interval`);
  }
  return instants;
}

function advance(from: Date, interval: TrendInterval, steps: number): Date {
  const at = new Date(from);
  if (interval === 'DAY') at.setUTCDate(at.getUTCDate() + steps);
  else if (interval === 'WEEK') at.setUTCDate(at.getUTCDate() + 7 * steps);
  else {
    // Month ends clamp: 31 January + 1 month is 29 February, not 2 March.
    const day = at.getUTCDate();
    at.setUTCDate(1);
    at.setUTCMonth(at.getUTCMonth() + steps);
    const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
    at.setUTCDate(Math.min(day, lastDay));
  }
  return at;
}
