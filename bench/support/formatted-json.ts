import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

/** JSON as the project's Prettier writes it, so a results file can be committed as it is. */
export async function writeFormattedJson(file: string, value: unknown): Promise<void> {
  const options = { ...(await resolveConfig(file)), filepath: file };
  writeFileSync(file, await format(JSON.stringify(value), options));
}
