import { describe, expect, it } from '@jest/globals';
import type { MyAction } from './owned-actions.js';
import { byAttention } from './owned-actions.js';
import { changesSince, timelineEntry, type ActionChange } from './timeline.js';
import { locationAfterUpdate, recordedUpdate } from './update-banner.js';

const change = (kind: string, fields: Partial<ActionChange> = {}): ActionChange => ({
  eventId: kind,
  kind,
  field: null,
  from: null,
  to: null,
  reason: null,
  recordedAt: '2024-04-25T09:00:00.000Z',
  effectiveDate: null,
  actor: { name: 'Sam Patel' },
  evidence: [],
  ...fields,
});

describe('what changed since the version a user saw', () => {
  const history = [
    change('ACTION_ADDED'),
    change('RAG_CHANGED'),
    change('TEXT_REDACTED'),
    change('PROGRESS_NOTE_ADDED'),
    change('OWNERS_ASSIGNED'),
  ];

  it('counts versions as the action does: its adding is 1, an erasure is none', () => {
    expect(changesSince(history, 2).map(({ kind }) => kind)).toEqual([
      'PROGRESS_NOTE_ADDED',
      'OWNERS_ASSIGNED',
    ]);
    expect(changesSince(history, 4)).toEqual([]);
  });

  it('says a RAG change in the words of the pages', () => {
    const entry = timelineEntry(change('RAG_CHANGED', { field: 'rag', from: 'AMBER', to: 'NOT_RATED' }));
    expect(entry).toMatchObject({ what: 'RAG status changed', fromText: 'Amber', toText: 'Not rated' });
  });
});

describe('the success banner after an update', () => {
  const updated = { id: 'a1', version: 5, rag: 'RED' as const };

  it('says a RAG change and a note when the update took two versions', () => {
    expect(locationAfterUpdate('/my-actions', updated, 3, true)).toBe(
      '/my-actions?updated=a1&rag=RED&note=1',
    );
  });

  it('says only the note when the RAG stayed, replacing an earlier banner', () => {
    expect(locationAfterUpdate('/actions/a1?updated=b2&rag=RED', updated, 4, true)).toBe(
      '/actions/a1?updated=a1&note=1',
    );
  });

  it('shows a banner only for an action on the page, and a RAG only from the list', () => {
    expect(recordedUpdate({ updated: 'a1', rag: 'RED', note: '1' }, ['a1'])).toEqual({
      actionId: 'a1',
      rag: 'RED',
      noteRecorded: true,
    });
    expect(recordedUpdate({ updated: 'a1', rag: '<b>' }, ['a1'])?.rag).toBeNull();
    expect(recordedUpdate({ updated: 'zz' }, ['a1'])).toBeUndefined();
  });
});

describe('the order of My actions', () => {
  const item = (ref: string, overdue: boolean, stale: boolean, plan = 'Plan A'): MyAction =>
    ({
      plan: { id: plan, title: plan, status: 'APPROVED' },
      action: { ref, overdue },
      stale: stale ? { daysQuiet: 50 } : null,
      latestNote: null,
    }) as unknown as MyAction;

  it('puts overdue and stale first, then overdue, then stale, then by plan and ref', () => {
    const items = [
      item('1.10', false, false),
      item('1.2', false, false),
      item('2.1', false, true),
      item('3.1', true, false),
      item('0.9', false, false, 'Another plan'),
      item('4.1', true, true),
    ];
    expect(items.sort(byAttention).map(({ action }) => action.ref)).toEqual([
      '4.1',
      '3.1',
      '2.1',
      '0.9',
      '1.2',
      '1.10',
    ]);
  });
});
