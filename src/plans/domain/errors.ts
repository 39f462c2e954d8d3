/**
 * Typed domain errors: the one way the domain says no. The GraphQL layer maps each kind
 * to an error code once (see graphql/error-mapping.ts).
 */
export type DomainErrorKind = 'INVALID' | 'NOT_FOUND' | 'CONFLICT' | 'PERSONAL_DATA_SUSPECTED';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** The input field at fault, e.g. "reason" or "dueBy". */
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (field: string, message: string) => new DomainError('INVALID', field, message);
export const notFound = (field: string, message: string) => new DomainError('NOT_FOUND', field, message);
export const conflict = (field: string | undefined, message: string) =>
  new DomainError('CONFLICT', field, message);
