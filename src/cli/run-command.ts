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

/** Runs a command's main function and exits with its code; a crash exits 1 with its reason. */
export function runCommand(main: (args: string[]) => Promise<number>): void {
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
