/**
 * Who is asking, as a verified token says, and what each event records of them. Pure: no Nest,
 * no tokens, no I/O.
 */
export const ROLES = ['VIEWER', 'EDITOR', 'AUDITOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** How a change reached the application. */
export const CHANNELS = ['api', 'import-cli', 'cli', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The signed-in user behind a request. */
export interface SignedInUser {
  /** The token's subject: stable for a person across tokens. */
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** Owner roles or teams an EDITOR may change the actions of; empty: every action. */
  readonly owns: readonly string[];
  /** The one local authority whose plans this user sees; undefined: every authority. */
  readonly localAuthority?: string;
  /** When the token stops being valid (epoch milliseconds), if it says. */
  readonly expiresAt?: number;
}

/** A signed-in user acting through one channel: what a command is decided for. */
export interface Actor extends SignedInUser {
  readonly via: Channel;
}

/**
 * Who made a change, as every event records it. `via: 'unverified'` marks a name that an earlier
 * version took from a request header without checking it.
 */
export interface RecordedActor {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly via: Channel | 'unverified';
}

export const recordedActor = ({ id, name, roles, via }: Actor): RecordedActor => ({
  id,
  name,
  roles: [...roles],
  via,
});
