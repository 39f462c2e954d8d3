import type { TextRedacted } from '../../plans/domain/events.js';
import type { PlanChange } from './plan-change.js';

/**
 * The history once a text was erased: the change that recorded it shows the redaction notice in
 * its place, and so does the next description revision of the action, whose "from" was that text.
 */
export function redactedChanges(
  changes: readonly PlanChange[],
  { eventId, field }: TextRedacted['data'],
  notice: string,
): PlanChange[] {
  const index = changes.findIndex((change) => change.eventId === eventId);
  const recorded = changes[index];
  if (!recorded) return [...changes];
  const redacted = [...changes];
  redacted[index] = field === 'reason' ? { ...recorded, reason: notice } : { ...recorded, to: notice };
  if (field !== 'description') return redacted;
  const next = changes.findIndex(
    (change, at) =>
      at > index && change.kind === 'DESCRIPTION_REVISED' && change.actionId === recorded.actionId,
  );
  if (next >= 0) redacted[next] = { ...changes[next]!, from: notice };
  return redacted;
}
