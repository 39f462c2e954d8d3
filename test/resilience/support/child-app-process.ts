import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { signedInRequests, type TestApp } from '../../support/test-app.js';

const REGISTER_TS = fileURLToPath(new URL('../../support/run-typescript/register.mjs', import.meta.url));
const ENTRY = fileURLToPath(new URL('./child-app.ts', import.meta.url));

/** The app running in a child process on a data directory, which a test can kill outright. */
export interface ChildApp extends Pick<TestApp, 'graphql' | 'tokenFor'> {
  readonly url: string;
  readonly pid: number;
  /** SIGKILL, as the kernel's OOM killer or a pulled plug would; resolves once the process is gone. */
  kill(): Promise<void>;
}

/** Starts the app as `npm start` would, on `dataDir` and a free port; resolves once it answers. */
export async function startChildApp(dataDir: string, timeoutMs = 60_000): Promise<ChildApp> {
  const child = spawn(process.execPath, ['--import', REGISTER_TS, ENTRY], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const port = await listeningPort(child, timeoutMs);
    const url = `http://127.0.0.1:${port}`;
    return {
      url,
      pid: child.pid!,
      ...signedInRequests(dataDir, () => url),
      async kill() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await exited;
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
}

/** The port the child says it listens on, or why it never did. */
function listeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let said = '';
    let complained = '';
    const timer = setTimeout(() => fail(`did not listen within ${timeoutMs} ms`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`The app in a child process ${why}:\n${complained.slice(-4000)}`));
    };
    child.stderr!.on('data', (chunk: Buffer) => (complained += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const port = /^listening on (\d+)$/m.exec(said)?.[1];
      if (port === undefined) return;
      clearTimeout(timer);
      resolve(Number(port));
    });
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before listening`));
  });
}
