import { performance } from 'node:perf_hooks';

export interface Timing {
  readonly name: string;
  readonly medianMs: number;
  readonly p95Ms: number;
}

/** Runs `work` `runs` times after a short warm-up and reports median and 95th percentile. */
export async function measure(
  name: string,
  runs: number,
  work: (run: number) => Promise<unknown>,
): Promise<Timing> {
  for (let run = 0; run < Math.min(10, runs); run += 1) await work(run);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await work(run);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (fraction: number) => times[Math.min(times.length - 1, Math.floor(fraction * times.length))]!;
  return { name, medianMs: at(0.5), p95Ms: at(0.95) };
}

export function report(title: string, timings: readonly Timing[], baseline: Timing): string {
  const rows = timings.map(
    (timing) =>
      `| ${timing.name} | ${timing.medianMs.toFixed(2)} | ${timing.p95Ms.toFixed(2)} | ` +
      `${(timing.medianMs / baseline.medianMs).toFixed(2)}× |`,
  );
  return [
    `## ${title}`,
    '',
    `| request | median ms | p95 ms | vs ${baseline.name} |`,
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The app listens at once and answers 503 until its read side has caught up: wait for that. */
export async function untilReady(baseUrl: string, deadlineMs = 120_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/health/ready`).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Not ready within ${deadlineMs} ms`);
}
