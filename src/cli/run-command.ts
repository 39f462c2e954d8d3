import type { Writable } from 'node:stream';
import { ConfigError } from '../config.js';

/** Writes to standard output and answers the exit code, for `return say(report, 0)`. */
export function say(text: string, code: number): number {
  process.stdout.write(text);
  return code;
}

/** Writes to standard error and answers the exit code. */
export function complain(text: string, code: number): number {
  process.stderr.write(text);
  return code;
}

/**
 * A reader that stops early (`npm run board-pack -- … | head`) closes the pipe: the rest of the
 * output is not wanted, which is no failure of the command, so it ends quietly instead of with an
 * EPIPE stack trace. Any other write error is raised as before.
 */
export function endQuietlyWhenReaderLeaves(stream: Writable): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    // Destroyed, later writes are dropped silently rather than failing again.
    stream.destroy();
  });
}

/** Runs a command's main function and exits with its code; a crash exits 1 with its reason. */
export function runCommand(main: (args: string[]) => Promise<number>): void {
  endQuietlyWhenReaderLeaves(process.stdout);
  endQuietlyWhenReaderLeaves(process.stderr);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        error instanceof ConfigError
          ? `Configuration error: ${error.message}\n`
          : `${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
