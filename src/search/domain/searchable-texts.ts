import type { RecordedActor } from '../../auth/domain/actor.js';
import { CHANGE_KINDS, type ChangeKind } from '../../history/domain/plan-change.js';
import type { PlanEvent, TextField } from '../../plans/domain/events.js';
import type { FoldContext, Plan } from '../../plans/domain/plan.js';
import { sealedFieldsOf } from '../../plans/domain/sealed-text.js';

/** What kind of text a search found. */
export type SearchHitKind = 'DESCRIPTION' | 'NOTE' | 'REASON' | 'THEME_TITLE';

const KIND_OF_FIELD: Readonly<Record<TextField, SearchHitKind>> = {
  text: 'NOTE',
  description: 'DESCRIPTION',
  reason: 'REASON',
};

/** One text an event recorded, with where it belongs and who recorded it when. */
export interface SearchableText {
  readonly kind: SearchHitKind;
  /** The change that recorded it (a reason's RAG change, reschedule, withdrawal…). */
  readonly changeKind: ChangeKind;
  readonly eventId: string;
  /** The event's field that holds it: with the event id, how a redaction names it. */
  readonly field: TextField | 'title';
  readonly text: string;
  readonly actionId: string | null;
  readonly actionRef: string | null;
  readonly themeId: string | null;
  readonly noteId: string | null;
  readonly recordedAt: string;
  readonly effectiveDate: string | null;
  readonly actor: RecordedActor | null;
  /**
   * Where the text shows while it is the latest there (an action's description, a theme's title):
   * the next text recorded there supersedes it. Null for notes and reasons, which accumulate.
   */
  readonly place: string | null;
}

/**
 * The texts an event recorded that a search can find: every free text the store seals (notes,
 * descriptions, reasons: the same list redaction works on, so a new kind of change that records
 * one is searchable too) and a theme's title when it is given or changed.
 */
export function searchableTexts(
  event: PlanEvent,
  context: FoldContext,
  before: Plan | undefined,
  after: Plan,
): SearchableText[] {
  const { eventId } = context;
  if (eventId === undefined) return [];
  const data = event.data as Readonly<Record<string, unknown>>;
  const actionId = typeof data.actionId === 'string' ? data.actionId : null;
  const action = actionId === null ? undefined : after.actions.get(actionId);
  const themeId = typeof data.themeId === 'string' ? data.themeId : (action?.themeId ?? null);
  const common = {
    changeKind: CHANGE_KINDS[event.type],
    eventId,
    actionId,
    actionRef: action?.ref ?? null,
    themeId,
    noteId: typeof data.noteId === 'string' ? data.noteId : null,
    recordedAt: context.recordedAt,
    effectiveDate: context.effectiveDate ?? null,
    actor: context.actor ?? null,
  };
  const texts = sealedFieldsOf(event.type).map((field): SearchableText => ({
    ...common,
    kind: KIND_OF_FIELD[field],
    field,
    text: String(data[field] ?? ''),
    place: field === 'description' ? `description:${actionId}` : null,
  }));
  const title = newThemeTitle(event, before);
  if (title === undefined) return texts;
  return [
    ...texts,
    { ...common, kind: 'THEME_TITLE', field: 'title', text: title, place: `title:${themeId}` },
  ];
}

function newThemeTitle(event: PlanEvent, before: Plan | undefined): string | undefined {
  if (event.type === 'ThemeAdded') return event.data.title ?? undefined;
  if (event.type !== 'ThemeRevised' || event.data.title === null) return undefined;
  const { themeId, title } = event.data;
  return before?.themes.find((theme) => theme.id === themeId)?.title === title ? undefined : title;
}
