import type { ValidationError } from 'class-validator';
import { invalid, type DomainError } from '../plans/domain/errors.js';

/** First failed constraint, with its dotted path ("inspection.startDate"), as a BAD_USER_INPUT error. */
export function inputValidationError(errors: ValidationError[]): DomainError {
  let error = errors[0];
  const path: string[] = [];
  while (error) {
    path.push(error.property);
    const message = error.constraints && Object.values(error.constraints)[0];
    if (message) return invalid(path.join('.'), message);
    error = error.children?.[0];
  }
  return invalid('input', 'The input is not valid');
}
