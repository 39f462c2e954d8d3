import type { Role, SignedInUser } from './actor.js';

/**
 * What a role may do. The API, the CLIs and the domain all ask this one table; the role table
 * test (test/auth/role-table.e2e.spec.ts) checks every operation against it.
 */
export const CAPABILITIES = {
  /** Current state, history, changes between points, trend, board pack, exports of now. */
  read: ['VIEWER', 'EDITOR', 'AUDITOR', 'ADMIN'],
  /** The plan or an action as it stood at a past instant, board meeting or version. */
  timeTravel: ['AUDITOR', 'ADMIN'],
  /** Check the hash chain of a plan's events. */
  verify: ['AUDITOR', 'ADMIN'],
  /** RAG, progress notes, owners, schedule and description of actions (EDITOR: owned ones). */
  editAction: ['EDITOR', 'ADMIN'],
  /** Plans, themes, adding and withdrawing actions, board meetings, approval, closing, imports. */
  administer: ['ADMIN'],
  /** Erase text recorded by mistake (notes, reasons, descriptions). */
  redact: ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export const rolesFor = (capability: Capability): readonly Role[] => CAPABILITIES[capability];

export const may = (user: Pick<SignedInUser, 'roles'>, capability: Capability): boolean =>
  user.roles.some((role) => (CAPABILITIES[capability] as readonly Role[]).includes(role));

/** A user tied to one local authority sees only that authority's plans (names compared loosely). */
export const seesAuthority = (
  user: Pick<SignedInUser, 'localAuthority'>,
  localAuthority: string | null | undefined,
): boolean =>
  user.localAuthority === undefined ||
  (localAuthority ?? '').trim().toLowerCase() === user.localAuthority.trim().toLowerCase();
