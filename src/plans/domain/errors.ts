/**
 * Typed domain errors: the one way the domain says no. The GraphQL layer maps each kind
 * to an error code once (see graphql/error-mapping.ts).
 */
export type DomainErrorKind =
  | 'INVALID'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PERSONAL_DATA_SUSPECTED'
  /** No valid sign-in: says nothing about why, nor whether what was asked for exists. */
  | 'UNAUTHENTICATED'
  /** Signed in, but the role (or owner scope) does not allow it. */
  | 'FORBIDDEN';

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

export const unauthenticated = () =>
  new DomainError('UNAUTHENTICATED', undefined, 'Sign in: send a valid bearer token');
export const forbidden = (field: string | undefined, message: string) =>
  new DomainError('FORBIDDEN', field, message);

/** The one answer for a plan that does not exist, or that the caller may not know exists. */
export const NO_SUCH_PLAN = 'No improvement plan has that id';
export const noSuchPlan = (field = 'planId') => notFound(field, NO_SUCH_PLAN);
