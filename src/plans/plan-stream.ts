import { isRole, type RecordedActor } from '../auth/domain/actor.js';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store/event-store.port.js';
import {
  EVENT_SCHEMA_VERSION,
  PLAN_EVENT_TYPES,
  type ChangeContext,
  type PlanEvent,
} from './domain/events.js';
import type { KeyedRequest, RecordedRequest } from './domain/idempotency.js';
import type { FoldContext } from './domain/plan.js';
import { withErasedTexts } from './domain/sealed-text.js';

/** One stream per plan. */
export const PLAN_STREAM_PREFIX = 'improvementPlan-';

export const planStream = (planId: string): string => `${PLAN_STREAM_PREFIX}${planId}`;

export const planIdOfStream = (stream: string): string => stream.slice(PLAN_STREAM_PREFIX.length);

export interface RecordingContext extends ChangeContext {
  readonly correlationId: string;
  readonly causationId: string;
  /** Set when the request carried an Idempotency-Key: every event of it records the key. */
  readonly request?: KeyedRequest;
}

export function toNewEvents(
  events: readonly PlanEvent[],
  context: RecordingContext,
  newId: () => string,
): NewEvent[] {
  return events.map((event) => ({
    id: newId(),
    type: event.type,
    data: event.data,
    metadata: {
      correlationId: context.correlationId,
      causationId: context.causationId,
      recordedAt: context.recordedAt,
      schemaVersion: EVENT_SCHEMA_VERSION,
      ...(context.effectiveDate ? { effectiveDate: context.effectiveDate } : {}),
      ...(context.actor ? { actor: context.actor } : {}),
      ...(context.request
        ? { idempotencyKey: context.request.requestKey, requestFingerprint: context.request.fingerprint }
        : {}),
    },
  }));
}

/** The keyed request a stored event belongs to, if its request carried a key. */
export function recordedRequestOf(recorded: RecordedEvent): RecordedRequest | undefined {
  const { idempotencyKey, requestFingerprint, recordedAt } = recorded.metadata;
  if (typeof idempotencyKey !== 'string' || typeof requestFingerprint !== 'string') return undefined;
  return {
    requestKey: idempotencyKey,
    planId: planIdOfStream(recorded.stream),
    fingerprint: requestFingerprint,
    recordedAt,
    revision: recorded.revision,
    position: recorded.position,
  };
}

const KNOWN_TYPES = new Set<string>(PLAN_EVENT_TYPES);

/**
 * Turns a stored event back into a domain event. Older data shapes are upcast here, in one place,
 * so evolve only ever sees the current shape. (Every type is still at version 1.)
 */
export function fromRecorded(recorded: RecordedEvent): { event: PlanEvent; context: FoldContext } {
  const { schemaVersion, recordedAt, effectiveDate, actor } = recorded.metadata;
  if (!KNOWN_TYPES.has(recorded.type) || schemaVersion > EVENT_SCHEMA_VERSION) {
    throw new Error(
      `Event ${recorded.id} (${recorded.type} v${schemaVersion}) is newer than this version of the application`,
    );
  }
  const event = { type: recorded.type, data: withErasedTexts(recorded.type, recorded.data) } as PlanEvent;
  const recordedActor = actorOf(actor);
  return {
    event,
    context: {
      recordedAt,
      effectiveDate,
      ...(recordedActor ? { actor: recordedActor } : {}),
      eventId: recorded.id,
    },
  };
}

/**
 * Before sign-in, the actor was a name taken unchecked from the x-actor header; it reads as an
 * unverified actor so history can still show it, marked for what it was.
 */
function actorOf(actor: EventMetadata['actor']): RecordedActor | undefined {
  if (actor === undefined) return undefined;
  if (typeof actor === 'string') return { id: actor, name: actor, roles: [], via: 'unverified' };
  const { id, name, roles, via } = actor as Partial<Record<keyof RecordedActor, unknown>>;
  return {
    id: String(id),
    name: String(name),
    roles: Array.isArray(roles) ? roles.filter(isRole) : [],
    via: via as RecordedActor['via'],
  };
}
