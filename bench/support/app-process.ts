import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** The real app in a process of its own, started as `npm start` starts it (production mode). */
export interface AppProcess {
  readonly url: string;
  readonly pid: number;
  /** From spawn to the first 200 of /health/live, and of /health/ready (undefined: not in time). */
  readonly liveMs: number | undefined;
  readonly readyMs: number | undefined;
  /** Why it never became ready, when it did not. */
  readonly failure?: string;
  /** Resident set size now, and its peak so far, in bytes (from /proc/<pid>/status). */
  rss(): { current: number; peak: number };
  /** CPU time the app has used so far (user + system), in ms: less sensitive than wall time to other load. */
  cpuMs(): number;
  stop(): Promise<void>;
}

export interface AppStart {
  /** The app's root: its dist/main.js is run, with this as the working directory. */
  readonly appRoot: string;
  readonly dataDir: string;
  /** The app's own output goes here, for when it fails. */
  readonly logFile: string;
  readonly readyTimeoutMs: number;
  /** The script to run, relative to appRoot; default dist/main.js (what `npm start` runs). */
  readonly main?: string;
  /** More environment (e.g. EVENT_STORE_URL), over this process's own. */
  readonly env?: Readonly<Record<string, string>>;
  /** Options for node itself, e.g. --cpu-prof. */
  readonly nodeArgs?: readonly string[];
}

const POLL_MS = 20;

export async function startAppProcess(start: AppStart): Promise<AppProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output = openSync(start.logFile, 'w');
  const startedAt = performance.now();
  const main = join(start.appRoot, start.main ?? join('dist', 'main.js'));
  const child = spawn(process.execPath, [...(start.nodeArgs ?? []), main], {
    cwd: start.appRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATA_DIR: start.dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...start.env,
    },
    stdio: ['ignore', output, output],
  });
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) =>
      resolve(`the app exited (${signal ?? `code ${code}`}); see ${start.logFile}`),
    ),
  );
  const deadline = startedAt + start.readyTimeoutMs;
  const live = await firstOk(`${url}/health/live`, deadline, exited);
  const liveMs = typeof live === 'number' ? live - startedAt : undefined;
  const ready = typeof live === 'number' ? await firstOk(`${url}/health/ready`, deadline, exited) : live;
  const readyMs = typeof ready === 'number' ? ready - startedAt : undefined;
  const failure = typeof ready === 'string' ? ready : undefined;
  return {
    url,
    pid: child.pid!,
    liveMs,
    readyMs,
    ...(failure ? { failure } : {}),
    rss: () => residentSet(child.pid!),
    cpuMs: () => cpuTime(child.pid!),
    stop: () => stopProcess(child),
  };
}

/** The instant (performance.now) of the first 200, or why there was none. */
async function firstOk(url: string, deadline: number, exited: Promise<string>): Promise<number | string> {
  let exit: string | undefined;
  void exited.then((reason) => (exit = reason));
  while (performance.now() < deadline) {
    if (exit) return exit;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now();
    } catch {
      // Refused while the app is not listening yet: that is what is being timed.
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return `no 200 from ${url} before the ready timeout`;
}

function residentSet(pid: number): { current: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { current: kilobytes('VmRSS') * 1024, peak: kilobytes('VmHWM') * 1024 };
}

/** utime + stime of /proc/<pid>/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux). */
function cpuTime(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killTimer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killTimer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
