import { SetMetadata } from '@nestjs/common';
import type { Capability } from './domain/permissions.js';

/**
 * What a handler's arguments say about the plan it touches: dotted paths into the GraphQL arguments
 * (or a route's params and query), so the access guard can answer NOT_FOUND for a plan of another
 * local authority, and ask for time travel when a past point is named.
 */
export interface AccessOptions {
  /** Path to a plan id, e.g. "planId", "id" or "input.planId". */
  readonly plan?: string;
  /** Path to an action id; its plan is looked up. */
  readonly action?: string;
  /** Arguments naming a past point ("asOf"…): given any of them, the caller needs timeTravel too. */
  readonly timeTravel?: readonly string[];
}

export interface AccessRule extends AccessOptions {
  readonly capability: Capability | 'public';
}

export const ACCESS_RULE = 'auth:access-rule';

/**
 * Every GraphQL root field and HTTP route says who may call it; one without a rule is refused
 * (FORBIDDEN), so a new resolver is closed until someone decides.
 */
export const Allow = (capability: Capability, options: AccessOptions = {}) =>
  SetMetadata(ACCESS_RULE, { capability, ...options } satisfies AccessRule);

/** For the few routes anyone may call (health checks). */
export const Public = () => SetMetadata(ACCESS_RULE, { capability: 'public' } satisfies AccessRule);

/** The time-travel arguments of plan and action reads. */
export const AS_OF_ARGUMENTS = ['asOf', 'asOfBoardMeeting', 'asOfVersion'] as const;
