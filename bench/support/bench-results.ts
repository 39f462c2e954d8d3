import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFormattedJson } from './formatted-json.js';

/** bench/results/latest.json in the repository (this file runs compiled, from dist-bench/bench/support/). */
const RESULTS_FILE = resolve(fileURLToPath(new URL('../../../bench/results/latest.json', import.meta.url)));
const REPOSITORY = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** One measured row: a figure, its baseline measured in the same run, and the issue's target. */
export interface BenchRow {
  readonly name: string;
  readonly what: string;
  readonly baseline: string;
  readonly value: number;
  readonly baselineValue: number | null;
  readonly unit: string;
  /** value / baselineValue, when there is a baseline. */
  readonly ratio: number | null;
  readonly target: string;
  readonly met: boolean;
  /** Latencies, error counts and whatever else explains the figure. */
  readonly details: Readonly<Record<string, number | string>>;
}

export interface Machine {
  readonly cores: number;
  readonly cpu: string;
  readonly node: string;
  /** 1-minute load average when the row was measured: above the cores, other work took a share. */
  readonly loadAverage: number;
}

interface SavedRow extends BenchRow {
  readonly measuredAt: string;
  readonly machine: Machine;
  readonly commit: string;
  readonly uncommittedChanges: boolean;
}

export function machine(): Machine {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverage: Number(loadavg()[0]!.toFixed(2)),
  };
}

export function ratioOf(value: number, baselineValue: number | null): number | null {
  return baselineValue ? value / baselineValue : null;
}

/** Adds (or replaces, by name) these rows in bench/results/latest.json, keeping other benches' rows. */
export async function saveRows(rows: readonly BenchRow[], loadAverages: readonly number[]): Promise<string> {
  const saved: Record<string, SavedRow> = existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, SavedRow>)
    : {};
  const measuredAt = new Date().toISOString();
  const git = (...args: string[]) => execFileSync('git', args, { cwd: REPOSITORY, encoding: 'utf8' }).trim();
  const commit = git('rev-parse', 'HEAD');
  const uncommittedChanges = git('status', '--porcelain', '--', 'src') !== '';
  rows.forEach((row, index) => {
    const at = { ...machine(), loadAverage: loadAverages[index] ?? machine().loadAverage };
    saved[row.name] = { ...row, measuredAt, machine: at, commit, uncommittedChanges };
  });
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  await writeFormattedJson(RESULTS_FILE, saved);
  return RESULTS_FILE;
}

const figure = (value: number | null, unit = '') =>
  value === null
    ? '—'
    : `${value.toLocaleString('en-GB', { maximumFractionDigits: value < 10 ? 2 : 0 })}${unit}`;

/** The rows as a Markdown table, as bench/README.md shows them. */
export function markdownTable(rows: readonly BenchRow[]): string {
  const lines = [
    '| row | value | baseline (same run) | ratio | target | met |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => {
      const unit = ` ${row.unit}`;
      const extra = Object.entries(row.details)
        .filter(([key]) => /p50|p99|errors|non2xx/i.test(key))
        .map(([key, value]) => `${key} ${typeof value === 'number' ? figure(value) : value}`)
        .join(', ');
      const value = `${figure(row.value, unit)}${extra ? ` (${extra})` : ''}`;
      const baseline =
        row.baselineValue === null ? '—' : `${figure(row.baselineValue, unit)} (${row.baseline})`;
      const ratio = row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`;
      return `| ${row.name} | ${value} | ${baseline} | ${ratio} | ${row.target} | ${row.met ? 'met' : 'MISSED'} |`;
    }),
  ];
  return lines.join('\n');
}
