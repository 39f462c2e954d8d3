import type { DomainError } from '../plans/domain/errors.js';

/**
 * A refusal caused by how the command was run, said with the option to correct: "--plan: No
 * improvement plan has that id". `options` maps the field the domain names to its option.
 */
export function argumentRefusal(error: DomainError, options: Readonly<Record<string, string>>): string {
  const option = error.field === undefined ? undefined : options[error.field];
  return `${option === undefined ? '' : `${option}: `}${error.message}\n`;
}
