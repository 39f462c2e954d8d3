/**
 * Why a sign-in through the provider did not complete: `said` finishes the sentence "Sign-in did
 * not complete: …" for the person; `reason` is for the log only (it may name the provider's errors).
 */
export class OidcSignInError extends Error {
  constructor(
    readonly said: string,
    readonly reason: string,
    readonly status: 400 | 401 | 503,
  ) {
    super(reason);
    this.name = 'OidcSignInError';
  }
}
