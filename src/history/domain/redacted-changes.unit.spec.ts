import { describe, expect, it } from '@jest/globals';
import { ACTION_ID, OTHER_ACTION_ID } from '../../../test/support/plan-builders.js';
import { NOTICE, textRedacted } from '../../../test/support/redaction-builders.js';
import type { PlanChange } from './plan-change.js';
import { redactedChanges } from './redacted-changes.js';

const change = (eventId: string, details: Partial<PlanChange>): PlanChange => ({
  kind: 'RAG_CHANGED',
  actionId: ACTION_ID,
  actionRef: '1.1',
  field: null,
  from: null,
  to: null,
  reason: null,
  ragFrom: null,
  ragTo: null,
  scheduleFrom: null,
  scheduleTo: null,
  evidence: [],
  planId: 'plan',
  eventId,
  position: 1n,
  version: 1,
  recordedAt: '2024-05-01T10:00:00.000Z',
  effectiveDate: null,
  actor: null,
  correlationId: null,
  ...details,
});

const added = change('added', { kind: 'ACTION_ADDED', field: 'action', to: 'Call Jamie weekly' });
const rag = change('rag', { field: 'rag', from: 'RED', to: 'AMBER', reason: 'Jamie moved' });
const note = change('note', { kind: 'PROGRESS_NOTE_ADDED', field: 'progressNotes', to: 'Saw Jamie' });
const otherRevision = change('other', {
  kind: 'DESCRIPTION_REVISED',
  actionId: OTHER_ACTION_ID,
  from: 'Old',
  to: 'New',
});
const revised = change('revised', {
  kind: 'DESCRIPTION_REVISED',
  field: 'description',
  from: 'Call Jamie weekly',
  to: 'Call the family weekly',
  reason: 'Tidied',
});
const history = [added, rag, note, otherRevision, revised];
const erasing = (eventId: string, field: 'text' | 'description' | 'reason') =>
  redactedChanges(history, textRedacted({ eventId, field }).data, NOTICE);

describe('history once a text is erased', () => {
  it('shows the notice in place of an erased reason, and changes nothing else', () =>
    expect(erasing('rag', 'reason')).toEqual([
      added,
      { ...rag, reason: NOTICE },
      note,
      otherRevision,
      revised,
    ]));

  it('shows the notice in place of an erased note', () =>
    expect(erasing('note', 'text')[2]).toEqual({ ...note, to: NOTICE }));

  it('shows the notice for an erased description where it was new and where it was replaced', () =>
    expect(erasing('added', 'description')).toEqual([
      { ...added, to: NOTICE },
      rag,
      note,
      otherRevision,
      { ...revised, from: NOTICE },
    ]));

  it('leaves the history alone when the change is not in it', () =>
    expect(erasing('unknown', 'reason')).toEqual(history));
});
