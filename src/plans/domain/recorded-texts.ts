import type { RecordedActor } from '../../auth/domain/actor.js';
import type { PlanEvent, TextField } from './events.js';
import { ukDate } from './plan-date.js';
import { sealedFieldsOf } from './sealed-text.js';

/** Who erased a text, when and why: what every view shows where the text was. */
export interface Redaction {
  readonly redactedAt: string;
  readonly redactedBy: RecordedActor | null;
  readonly reason: string;
}

/** The one wording of a redaction, used alike by answers, history, exports and board packs. */
export const redactionNotice = ({ redactedAt, redactedBy, reason }: Redaction): string =>
  `Redacted on ${ukDate(redactedAt)} by ${redactedBy?.name ?? 'an unknown user'}: ${reason}`;

/** What happened to the free texts of a plan: one event recorded some, or one of them was erased. */
export type TextFact =
  | {
      readonly kind: 'recorded';
      readonly eventId: string;
      readonly actionId: string | null;
      readonly noteId: string | null;
      readonly fields: readonly TextField[];
    }
  | {
      readonly kind: 'redacted';
      readonly eventId: string;
      readonly field: TextField;
      readonly redaction: Redaction;
    };

/**
 * The plan's text facts, newest first. A list that each new state extends without copying keeps the
 * fold O(1) per event on plans of thousands of notes; it is searched only to decide or fold a
 * redaction, which is rare.
 */
export interface RecordedTexts {
  readonly fact: TextFact;
  readonly earlier: RecordedTexts | null;
}

/** The texts and those this event records; an event decided but not yet stored has no id, and adds none. */
export function withTextsOf(
  texts: RecordedTexts | null,
  event: PlanEvent,
  eventId: string | undefined,
): RecordedTexts | null {
  const fields = sealedFieldsOf(event.type);
  if (fields.length === 0 || eventId === undefined) return texts;
  const { actionId = null, noteId = null } = event.data as { actionId?: string; noteId?: string };
  return { fact: { kind: 'recorded', eventId, actionId, noteId, fields }, earlier: texts };
}

/** The newest fact that matches. */
export function findText(
  texts: RecordedTexts | null,
  matches: (fact: TextFact) => boolean,
): TextFact | undefined {
  for (let node = texts; node; node = node.earlier) if (matches(node.fact)) return node.fact;
  return undefined;
}

/** What this event recorded, when it recorded free text. */
export function recordedText(
  texts: RecordedTexts | null,
  eventId: string,
): Extract<TextFact, { kind: 'recorded' }> | undefined {
  const fact = findText(texts, (candidate) => candidate.kind === 'recorded' && candidate.eventId === eventId);
  return fact?.kind === 'recorded' ? fact : undefined;
}

/** Who erased this field of what this event recorded, if anyone did. */
export function redactionOf(
  texts: RecordedTexts | null,
  eventId: string,
  field: TextField,
): Redaction | undefined {
  const fact = findText(
    texts,
    (candidate) =>
      candidate.kind === 'redacted' && candidate.eventId === eventId && candidate.field === field,
  );
  return fact?.kind === 'redacted' ? fact.redaction : undefined;
}
