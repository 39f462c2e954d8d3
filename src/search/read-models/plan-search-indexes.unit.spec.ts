import { describe, expect, it } from '@jest/globals';
import {
  actionAdded,
  actionDescriptionRevised,
  actionOwnersAssigned,
  planCreated,
  progressNoteAdded,
  ragStatusChanged,
  recordedBy,
  themeAdded,
  themeRevised,
} from '../../../test/support/plan-builders.js';
import {
  NOTE_EVENT_ID,
  NOTICE,
  REDACTED_AT,
  REDACTED_BY,
  textRedacted,
} from '../../../test/support/redaction-builders.js';
import type { RecordedEvent } from '../../event-store/event-store.port.js';
import type { PlanEvent } from '../../plans/domain/events.js';
import { evolve, type FoldContext, type Plan } from '../../plans/domain/plan.js';
import { FoldedSearchIndex } from './plan-search-indexes.js';

const AUDITOR = recordedBy('Sam Patel');

type Given = PlanEvent | { readonly event: PlanEvent; readonly context: Partial<FoldContext> };

/** An event stored with this id (and context), so a redaction can name its text. */
const stored = (eventId: string, event: PlanEvent, context: Partial<FoldContext> = {}): Given => ({
  event,
  context: { eventId, ...context },
});

/** The plan's index fed as the plan's fold feeds it; events recorded a minute apart unless said. */
function indexed(...history: Given[]) {
  const folding = new FoldedSearchIndex();
  history.reduce<Plan | undefined>((before, given, at) => {
    const { event, context } = 'event' in given ? given : { event: given, context: {} };
    const recordedAt = new Date(Date.UTC(2024, 4, 1, 10, at)).toISOString();
    const folded = { recordedAt, eventId: `event-${at}`, ...context };
    const after = evolve(before, event, folded);
    folding.onPlanEvent({ recorded: {} as RecordedEvent, event, context: folded, before, after });
    return after;
  }, undefined);
  return (text: string, first = 20) => folding.index.search(text.split(' '), first);
}

const note = (noteId: string, text: string) => progressNoteAdded({ noteId, text });
const opening = [planCreated(), themeAdded({ title: 'Caseloads and supervision' }), actionAdded()];

describe('searching the texts of a plan', () => {
  it('finds a note, with who recorded it, when and where', () => {
    const search = indexed(
      ...opening,
      stored('event-note', note('note-1', 'Supervision audit completed.')),
      note('note-2', 'Recruitment under way.'),
    );
    expect(search('audit').texts).toEqual([
      expect.objectContaining({
        kind: 'NOTE',
        changeKind: 'PROGRESS_NOTE_ADDED',
        eventId: 'event-note',
        noteId: 'note-1',
        actionRef: '1.1',
        text: 'Supervision audit completed.',
        recordedAt: '2024-05-01T10:03:00.000Z',
      }),
    ]);
  });

  it('finds a reason with its change and the effective date given', () => {
    const search = indexed(...opening, {
      event: ragStatusChanged({ reason: 'Agency staff left' }),
      context: { effectiveDate: '2024-04-23', actor: AUDITOR },
    });
    expect(search('agency').texts).toEqual([
      expect.objectContaining({
        kind: 'REASON',
        changeKind: 'RAG_CHANGED',
        effectiveDate: '2024-04-23',
        actor: AUDITOR,
      }),
    ]);
  });

  it('finds only texts holding every word, best first, newest first among equals', () => {
    const search = indexed(
      ...opening,
      note('older', 'Caseload audit done'),
      note('apart', 'The audit looked at each caseload'),
      note('newer', 'Caseload audit repeated'),
      note('one-word', 'Caseload review'),
    );
    const { texts, totalCount } = search('caseload audit');
    expect(texts.map(({ noteId }) => noteId)).toEqual(['newer', 'older', 'apart']);
    expect(totalCount).toBe(3);
    expect(search('caseload audit', 1)).toEqual({
      totalCount: 3,
      texts: [expect.objectContaining({ noteId: 'newer' })],
    });
  });

  it('finds every description an action had, marking those since revised', () => {
    const search = indexed(
      ...opening,
      actionDescriptionRevised({ description: 'Review caseloads weekly.', reason: 'Board asked' }),
    );
    expect(search('review caseloads').texts.map(({ kind, superseded }) => ({ kind, superseded }))).toEqual([
      { kind: 'DESCRIPTION', superseded: false },
      { kind: 'DESCRIPTION', superseded: true },
    ]);
    expect(search('board').texts).toEqual([
      expect.objectContaining({ kind: 'REASON', changeKind: 'DESCRIPTION_REVISED' }),
    ]);
  });

  it('finds a theme title, and nothing for a change that records no text', () => {
    const search = indexed(...opening, actionOwnersAssigned(['Lead IRO']));
    expect(search('supervision').texts).toEqual([
      expect.objectContaining({ kind: 'THEME_TITLE', field: 'title' }),
    ]);
    expect(search('iro').totalCount).toBe(0);
  });

  it('supersedes a theme title only when a revision changes it', () => {
    const search = indexed(
      ...opening,
      themeRevised({ title: 'Caseloads and supervision', whatNeedsToImprove: 'More detail' }),
      themeRevised({ title: 'Caseloads, supervision and audit', reason: 'Board wording' }),
    );
    expect(search('supervision').texts.map(({ text, superseded }) => ({ text, superseded }))).toEqual([
      { text: 'Caseloads, supervision and audit', superseded: false },
      { text: 'Caseloads and supervision', superseded: true },
    ]);
  });

  it('never finds an erased text by what it said, only by its redaction notice', () => {
    const search = indexed(
      ...opening,
      stored(NOTE_EVENT_ID, note('note-1', 'Jamie Brown moved placement.')),
      stored('event-redaction', textRedacted(), { recordedAt: REDACTED_AT, actor: REDACTED_BY }),
    );
    expect(search('jamie').totalCount).toBe(0);
    expect(search('placement').totalCount).toBe(0);
    expect(search('redacted mistake').texts).toEqual([
      expect.objectContaining({ kind: 'NOTE', noteId: 'note-1', text: NOTICE, redacted: true }),
    ]);
  });
});
