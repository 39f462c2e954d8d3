import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { jsonEvent, KurrentDBClient, NO_STREAM } from '@kurrent/kurrentdb-client';
import type { JSONType } from '@kurrent/kurrentdb-client';
import { ratioOf, type BenchRow } from './bench-results.js';
import { failures, loadDetails } from './http-rows.js';
import { percentiles } from './latencies.js';
import type { LoadResult } from './load.js';
import { userChangeEvent } from './write-events.js';

/** A running double in its own process: its connection string, and how to stop it. */
export interface DoubleProcess {
  readonly connectionString: string;
  stop(): Promise<void>;
}

export async function startDoubleProcess(): Promise<DoubleProcess> {
  const script = fileURLToPath(new URL('./kurrentdb-double-process.js', import.meta.url));
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [firstChunk] = (await once(child.stdout, 'data')) as [Buffer];
  return {
    connectionString: firstChunk.toString('utf8').split('\n')[0]!.trim(),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The baseline: the official client appending the same events (one per append, with the expected
 * revision, as the app does) to the same double, `concurrency` loops each on its own stream.
 */
export async function rawClientAppends(connectionString: string, concurrency: number, seconds: number) {
  const client = KurrentDBClient.connectionString(connectionString);
  const samples: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const loop = async (loopIndex: number) => {
    const stream = `bench-raw-${loopIndex}-${Date.now()}`;
    for (let revision = -1; performance.now() < deadline; revision += 1) {
      const { id, type, data, metadata } = userChangeEvent(revision);
      const event = jsonEvent({
        id,
        type,
        data: data as JSONType,
        metadata: metadata as unknown as JSONType,
      });
      const started = performance.now();
      await client.appendToStream(stream, event, {
        streamState: revision < 0 ? NO_STREAM : BigInt(revision),
      });
      samples.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, index) => loop(index)));
  const ms = performance.now() - started;
  await client.dispose();
  const { p50Ms } = percentiles(samples);
  const p99Ms = [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.99)]!;
  return { appendsPerSecond: (samples.length * 1000) / ms, appends: samples.length, p50Ms, p99Ms };
}

export function kurrentDbRow(
  mutation: string,
  load: LoadResult,
  raw: Awaited<ReturnType<typeof rawClientAppends>>,
): BenchRow {
  const ratio = ratioOf(load.requestsPerSecond, raw.appendsPerSecond);
  return {
    name: `${mutation} on KurrentDB (double), 16 connections`,
    what: `${mutation} over HTTP, the app in its own process on EVENT_STORE_URL = the double (own process); baseline: the official client appending the same events, with expected revisions, 16 loops each on its own stream`,
    baseline: 'raw client, same double, 16 loops',
    value: load.requestsPerSecond,
    baselineValue: raw.appendsPerSecond,
    unit: 'writes/s',
    ratio,
    target: '≥ 0.5×',
    met: ratio !== null && ratio >= 0.5 && failures(load) === 0,
    details: {
      ...loadDetails(load),
      baselineP50Ms: Number(raw.p50Ms.toFixed(2)),
      baselineP99Ms: Number(raw.p99Ms.toFixed(2)),
    },
  };
}
