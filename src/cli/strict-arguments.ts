import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A command line read strictly: only the options named, no stray words. What does not fit is
 * answered as an error message (the command exits 2), never guessed at.
 */
export function strictArguments<const Options extends NonNullable<ParseArgsConfig['options']>>(
  argv: readonly string[],
  options: Options,
) {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options });
  } catch (error) {
    return { error: (error as Error).message };
  }
}
