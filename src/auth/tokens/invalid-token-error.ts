/**
 * A token that does not prove who is asking. The message is always the same, so that a caller
 * learns nothing that would help forge the next one; `reason` says what was wrong, for the logs.
 */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';

  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super('invalid token', options);
  }
}
