import type { PlanEvent, PlanEventType, TextField, TextRedacted } from './events.js';

type TextFieldsOf<Type extends PlanEventType> = Extract<
  keyof Extract<PlanEvent, { type: Type }>['data'],
  TextField
>[];

/**
 * The fields that people write freely about children's services work, and so where a child's name
 * or NHS number may slip in: the store keeps these sealed (encrypted under a key per text) so that
 * one can be erased by destroying its key, without rewriting the event. Not listed, on purpose:
 * titles and theme prose (copied from published Ofsted reports), owners (roles and teams), board
 * meeting titles, TextRedacted's own reason (checked for personal data, and the explanation
 * that must outlive the erasure), and the titles of cited evidence (see evidence.ts: names of
 * documents and measures, refused when they look like personal data; a sealed field is one string
 * of the event's data, and evidence is a list).
 */
export const SEALED_TEXT: { readonly [Type in PlanEventType]?: Readonly<TextFieldsOf<Type>> } = {
  ProgressNoteAdded: ['text'],
  ActionAdded: ['description'],
  ActionDescriptionRevised: ['description', 'reason'],
  RagStatusChanged: ['reason'],
  ActionRescheduled: ['reason'],
  ActionWithdrawn: ['reason'],
  PlanClosed: ['reason'],
  ThemeRevised: ['reason'],
  OwnerRoleRetired: ['reason'],
};

/** The sealed fields an event of this type records; empty for a type that records none. */
export const sealedFieldsOf = (type: string): readonly TextField[] =>
  (SEALED_TEXT as Readonly<Record<string, readonly TextField[] | undefined>>)[type] ?? [];

/**
 * What a sealed text reads as once its key is destroyed, until the TextRedacted event that
 * destroyed it is folded and the redaction notice takes its place.
 */
export const ERASED_TEXT = '(text erased)';

/** The event's data with each text the store could no longer unseal (null) reading as ERASED_TEXT. */
export function withErasedTexts(
  type: string,
  data: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const erased = sealedFieldsOf(type).filter((field) => data[field] === null);
  if (erased.length === 0) return data;
  return { ...data, ...Object.fromEntries(erased.map((field) => [field, ERASED_TEXT])) };
}

/** The text a redaction erased (the event that recorded it, and the field); undefined for other events. */
export function erasedTextOf(event: {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}): { eventId: string; field: string } | undefined {
  if (event.type !== 'TextRedacted') return undefined;
  const { eventId, field } = event.data as TextRedacted['data'];
  return { eventId, field };
}
