import { performance } from 'node:perf_hooks';

export interface Latencies {
  readonly count: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
}

export function percentiles(samples: readonly number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
  return { count: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95) };
}

/** Runs `work(0..count-1)` with up to `concurrency` in flight, and times each. */
export async function timedInParallel(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<unknown>,
): Promise<Latencies> {
  const samples: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      const started = performance.now();
      await work(index);
      samples.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return percentiles(samples);
}
