import type { FullRebuild } from '../read-side-rebuild.js';
import type { Latencies } from './latencies.js';
import type { PlanRequest } from './plan-requests.js';
import type { ScanRate } from './raw-scan.js';

/** What one run of the bench measured on one store. */
export interface ReadSideFigures {
  readonly store: { readonly plans: number; readonly eventsPerPlan: number; readonly totalEvents: number };
  readonly rawScan: ScanRate;
  readonly rawStreamReads: ScanRate;
  readonly liveMs: number | undefined;
  readonly readyMs: number | undefined;
  readonly failure?: string;
  /** How long the bench waited for ready; a start that never answered misses by at least this. */
  readonly readyTimeoutMs: number;
  /** RSS when the bench gave up waiting (the app was still replaying), if it did. */
  readonly rssAtTimeoutBytes?: number;
  /** The app's CPU time (user + system) from spawn to ready. */
  readonly cpuToReadyMs?: number;
  readonly rssReadyBytes?: number;
  readonly rssBusyBytes?: number;
  readonly busy?: Latencies;
  readonly cold?: Latencies;
  readonly warm?: Partial<Record<PlanRequest, Latencies>>;
  readonly rebuild: FullRebuild;
}

export interface Row {
  readonly what: string;
  readonly figure: string;
  /** To the raw scan + parse rate of the same run, where the target is a rate. */
  readonly vsRawScan: string;
  readonly target: string;
  /** Undefined: not measured (the app never became ready), or no target. */
  readonly met: boolean | undefined;
}

const MB = 1024 * 1024;
const ms = (value: number | undefined) =>
  value === undefined ? 'n/a' : `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / MB).toFixed(0)} MB`);
const rate = (perSecond: number) => `${Math.round(perSecond).toLocaleString('en-GB')} events/s`;
const within = (value: number | undefined, limit: number) =>
  value === undefined ? undefined : value <= limit;

/** Each target of issue 16 against this run's figures. `smaller`: the same bench on a smaller store, if any. */
export function rowsOf(figures: ReadSideFigures, smaller?: ReadSideFigures): Row[] {
  const raw = figures.rawScan.eventsPerSecond;
  const ratio = (perSecond: number | undefined) => (perSecond === undefined ? undefined : perSecond / raw);
  const ratioText = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(2)}×`);
  const { eventsPerPlan } = figures.store;
  const coldRate = figures.cold?.count ? (eventsPerPlan / figures.cold.p50Ms) * 1000 : undefined;
  const rebuildRate = figures.rebuild.ms && (figures.rebuild.events / figures.rebuild.ms) * 1000;
  // Not answering before the bench gave up is a miss, not a missing figure.
  const timeout = `none in ${(figures.readyTimeoutMs / 1000).toFixed(0)} s`;
  const started = (value: number | undefined) => (value === undefined ? timeout : ms(value));
  const reached = (value: number | undefined, limit: number) =>
    value === undefined ? false : value <= limit;
  const rows: Row[] = [
    {
      what: 'raw scan + JSON.parse (baseline)',
      figure: rate(raw),
      vsRawScan: '1.00×',
      target: '',
      met: undefined,
    },
    {
      what: 'raw read of one plan stream + parse',
      figure: rate(figures.rawStreamReads.eventsPerSecond),
      vsRawScan: ratioText(ratio(figures.rawStreamReads.eventsPerSecond)),
      target: '',
      met: undefined,
    },
    row(
      '/health/live first 200 after start',
      started(figures.liveMs),
      '≤ 1,000 ms',
      reached(figures.liveMs, 1000),
    ),
    row(
      '/health/ready first 200 after start',
      started(figures.readyMs),
      '≤ 3,000 ms',
      reached(figures.readyMs, 3000),
    ),
    row('app CPU time (user + system) until ready', ms(figures.cpuToReadyMs), '', undefined),
    row('RSS when ready', mb(figures.rssReadyBytes), '', undefined),
    ...(figures.rssAtTimeoutBytes === undefined
      ? []
      : [row('RSS when the bench gave up waiting', mb(figures.rssAtTimeoutBytes), '', undefined)]),
    row(
      'RSS serving 20 busy plans',
      mb(figures.rssBusyBytes),
      '≤ 400 MB',
      within(figures.rssBusyBytes, 400 * MB),
    ),
  ];
  if (smaller?.rssBusyBytes !== undefined && figures.rssBusyBytes !== undefined) {
    const growth = figures.rssBusyBytes / smaller.rssBusyBytes;
    const what = `RSS, 20 busy plans: ${figures.store.totalEvents.toLocaleString('en-GB')} vs ${smaller.store.totalEvents.toLocaleString('en-GB')} events`;
    rows.push(row(what, `${growth.toFixed(2)}×`, 'flat (≤ 1.10×)', growth <= 1.1));
  }
  rows.push(
    row(
      `busy requests over 20 plans (p50, ${figures.busy?.count ?? 0})`,
      ms(figures.busy?.p50Ms),
      '',
      undefined,
    ),
    {
      what: `first request, cold ${eventsPerPlan.toLocaleString('en-GB')}-event plan (p50 of ${figures.cold?.count ?? 0})`,
      figure: ms(figures.cold?.p50Ms),
      vsRawScan: coldRate === undefined ? 'n/a' : `${ratioText(ratio(coldRate))} (${rate(coldRate)})`,
      target: '≤ 100 ms and ≥ 0.50×',
      met: coldRate === undefined ? undefined : figures.cold!.p50Ms <= 100 && ratio(coldRate)! >= 0.5,
    },
    ...(['plan', 'plan(asOf)', 'actionHistory'] as const).map((request) =>
      row(
        `warm ${request} (p50)`,
        ms(figures.warm?.[request]?.p50Ms),
        '≤ 3 ms',
        within(figures.warm?.[request]?.p50Ms, 3),
      ),
    ),
    {
      what: `full rebuild of every plan: ${figures.rebuild.how}`,
      figure: rebuildRate ? `${ms(figures.rebuild.ms)} (${rate(rebuildRate)})` : 'n/a',
      vsRawScan: ratioText(ratio(rebuildRate)),
      target: '≥ 0.50×',
      met: rebuildRate ? ratio(rebuildRate)! >= 0.5 : undefined,
    },
  );
  return rows;
}

function row(what: string, figure: string, target: string, met: boolean | undefined): Row {
  return { what, figure, vsRawScan: '', target, met };
}

export function markdownTable(rows: readonly Row[]): string {
  const verdict = (met: boolean | undefined) => (met === undefined ? '' : met ? 'met' : 'MISSED');
  return [
    '| what | figure | vs raw scan | target | |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.what} | ${r.figure} | ${r.vsRawScan} | ${r.target} | ${verdict(r.met)} |`),
  ].join('\n');
}
