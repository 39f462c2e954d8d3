import type { ValidationError } from 'class-validator';
import { invalid, type DomainError } from '../plans/domain/errors.js';

/** "evidence[0].title", as the domain names a field, from class-validator's property path. */
const fieldName = (path: readonly string[]): string =>
  path.map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : `${index > 0 ? '.' : ''}${part}`)).join('');

/** A message about one item of a list starts by naming it ("owners[2] contains …"): so does the field. */
function itemOf(property: string, message: string): string | null {
  return message.startsWith(`${property}[`) ? (/^[^[]*\[(\d+)\]/.exec(message)?.[1] ?? null) : null;
}

/** First failed constraint, with its path ("inspection.startDate", "owners[1]"), as a BAD_USER_INPUT error. */
export function inputValidationError(errors: ValidationError[]): DomainError {
  let error = errors[0];
  const path: string[] = [];
  while (error) {
    path.push(error.property);
    const message = error.constraints && Object.values(error.constraints)[0];
    if (message) {
      const item = itemOf(error.property, message);
      return invalid(fieldName(item === null ? path : [...path, item]), message);
    }
    error = error.children?.[0];
  }
  return invalid('input', 'The input is not valid');
}
