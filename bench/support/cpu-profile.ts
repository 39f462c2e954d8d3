import { readFileSync } from 'node:fs';

/** A V8 CPU profile as `node --cpu-prof` writes it. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  /** Microseconds of the monotonic clock (CLOCK_MONOTONIC, as process.hrtime in any process). */
  readonly startTime: number;
}

/** Only samples within this span of process.hrtime.bigint() / 1000 (µs): the load, not the start-up. */
export interface ProfileWindow {
  readonly fromMicros: number;
  readonly toMicros: number;
}

export interface SelfTime {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

/** Who owns a frame: an npm package, our own source file, Node itself, or V8's pseudo-frames. */
export function ownerOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return inPackage[1]!;
  const ours = /\/dist\/(.+)\.js$/.exec(url);
  if (ours) return `src/${ours[1]}`;
  if (url.startsWith('node:')) return 'node (built-in modules)';
  return url;
}

/** Self time by function and by owner (package, our file, Node), largest first. */
export function selfTimes(
  file: string,
  window: ProfileWindow = { fromMicros: -Infinity, toMicros: Infinity },
): { byFunction: SelfTime[]; byOwner: SelfTime[]; totalMs: number } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  let totalMicros = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    at += micros;
    if (at < window.fromMicros || at > window.toMicros) return;
    const frame = frames.get(id)!;
    const owner = ownerOf(frame.url, frame.functionName);
    const name = `${frame.functionName || '(anonymous)'} (${owner}${frame.url ? `:${frame.lineNumber + 1}` : ''})`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros);
    totalMicros += micros;
  });
  const ranked = (times: Map<string, number>) =>
    [...times]
      .map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / totalMicros }))
      .sort((a, b) => b.ms - a.ms);
  return { byFunction: ranked(byFunction), byOwner: ranked(byOwner), totalMs: totalMicros / 1000 };
}

export function profileTable(title: string, times: readonly SelfTime[], count: number): string {
  return [
    `| ${title} | self ms | share |`,
    '| --- | --- | --- |',
    ...times
      .slice(0, count)
      .map((t) => `| ${t.name} | ${t.ms.toFixed(0)} | ${(t.share * 100).toFixed(1)} % |`),
  ].join('\n');
}
