import type { SignedInUser } from './domain/actor.js';

/**
 * Tokens already verified, so that a client sending the same token with every request pays for the
 * signature check once. Keyed by the whole token (signature included), so only a token that passed
 * verification is ever found; an entry is used only until the token expires. Bounded: the least
 * recently used entry goes first.
 */
export class VerifiedTokens {
  private readonly users = new Map<string, SignedInUser>();

  constructor(private readonly capacity = 1000) {}

  get(token: string, now: number): SignedInUser | undefined {
    const user = this.users.get(token);
    if (!user) return undefined;
    this.users.delete(token);
    if (user.expiresAt === undefined || user.expiresAt <= now) return undefined;
    this.users.set(token, user);
    return user;
  }

  remember(token: string, user: SignedInUser): void {
    this.users.delete(token);
    this.users.set(token, user);
    if (this.users.size > this.capacity) this.users.delete(this.users.keys().next().value!);
  }
}
