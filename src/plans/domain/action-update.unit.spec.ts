import { describe, expect, it } from '@jest/globals';
import { given, NOW } from '../../../test/support/decider-spec.js';
import {
  ACTION_ID,
  NOTE_ID,
  PLAN_ID,
  planWithAction,
  progressNoteAdded,
  ragStatusChanged,
  signedIn,
} from '../../../test/support/plan-builders.js';
import type { RecordActionUpdate } from './commands.js';
import { decideAll } from './decide-all.js';
import { evolve } from './plan.js';
import type { Plan } from './plan.js';

const update = (data: Partial<RecordActionUpdate['data']> = {}): RecordActionUpdate => ({
  type: 'RecordActionUpdate',
  data: { actionId: ACTION_ID, noteId: NOTE_ID, ...data },
});

/** An AMBER action (version 1) owned by the Service Manager Operations. */
const amberAction = () => planWithAction({ rag: 'AMBER' });

const GREEN = { rag: 'GREEN', reason: 'Caseloads at 18 for three months' } as const;
const NOTE = 'Two agency social workers recruited; average caseload now 18.';

describe('the monthly update of an action', () => {
  it('records the RAG change and then the note', () =>
    given(...amberAction())
      .when(update({ ...GREEN, note: NOTE, expectedVersion: 1 }))
      .then([
        ragStatusChanged({ from: 'AMBER', to: 'GREEN', reason: GREEN.reason }),
        progressNoteAdded({ text: NOTE }),
      ]));

  it('records a RAG change alone, or a note alone', () => {
    given(...amberAction())
      .when(update(GREEN))
      .then([ragStatusChanged({ from: 'AMBER', to: 'GREEN', reason: GREEN.reason })]);
    given(...amberAction())
      .when(update({ note: NOTE }))
      .then([progressNoteAdded({ text: NOTE })]);
  });

  it('records nothing for a RAG equal to the current one: only the note', () =>
    given(...amberAction())
      .when(update({ rag: 'AMBER', note: NOTE, expectedVersion: 1 }))
      .then([progressNoteAdded({ text: NOTE })]));

  it('refuses a reason sent with an unchanged RAG rather than dropping it', () =>
    given(...amberAction())
      .when(update({ rag: 'AMBER', reason: 'Still recruiting', note: NOTE }))
      .thenThrows('INVALID', 'reason'));

  it('refuses an update with nothing to record', () => {
    given(...amberAction())
      .when(update())
      .thenThrows('INVALID', 'note');
    given(...amberAction())
      .when(update({ note: '   ' }))
      .thenThrows('INVALID', 'note');
    given(...amberAction())
      .when(update({ rag: 'AMBER' }))
      .thenThrows('INVALID', 'rag');
  });

  it('refuses a RAG change without a reason, even with a note', () =>
    given(...amberAction())
      .when(update({ rag: 'GREEN', note: NOTE }))
      .thenThrows('INVALID', 'reason'));

  it('refuses the whole update when the note is refused, naming the note', () => {
    const withDateOfBirth = 'Visited the child (DOB 12/03/2015) at home.';
    given(...amberAction())
      .when(update({ ...GREEN, note: withDateOfBirth }))
      .thenThrows('PERSONAL_DATA_SUSPECTED', 'note');
    given(...amberAction())
      .when(update({ ...GREEN, note: withDateOfBirth, acknowledgePersonalData: true }))
      .then([
        ragStatusChanged({ from: 'AMBER', to: 'GREEN', reason: GREEN.reason }),
        progressNoteAdded({ text: withDateOfBirth, personalDataAcknowledged: true }),
      ]);
  });

  it('checks the version the user saw once, before the RAG change moves it on', () =>
    given(...amberAction(), ragStatusChanged({ from: 'AMBER', to: 'RED' }))
      .when(update({ ...GREEN, note: NOTE, expectedVersion: 1 }))
      .thenThrows('CONFLICT', 'expectedVersion'));

  it('refuses an effective date before the inspection or after today, for the whole update', () =>
    given(...amberAction())
      .when(update({ ...GREEN, note: NOTE, effectiveDate: '2024-05-03' }))
      .thenThrows('INVALID', 'effectiveDate'));
});

describe('who may record the monthly update', () => {
  const plan = amberAction().reduce<Plan | undefined>(
    (folded, event) => evolve(folded, event, { recordedAt: NOW }),
    undefined,
  );
  const decide = (roles: ['EDITOR'] | ['VIEWER'], owns: string[]) =>
    decideAll([update({ ...GREEN, note: NOTE, effectiveDate: '2024-04-23' })], plan, {
      recordedAt: NOW,
      actor: signedIn({ roles, owns }),
    });

  it('records both changes in one decision, effective the same day, for an editor who owns the action', () => {
    const decision = decide(['EDITOR'], ['Service Manager Operations']);
    if (!decision.accepted) throw decision.refusal.error;
    const { decisions } = decision;
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.events.map((event) => event.type)).toEqual([
      'RagStatusChanged',
      'ProgressNoteAdded',
    ]);
    expect(decisions[0]!.context.effectiveDate).toBe('2024-04-23');
    expect(decisions[0]!.events.every((event) => event.data.planId === PLAN_ID)).toBe(true);
  });

  it.each([
    ['an editor of other actions', ['EDITOR'] as ['EDITOR'], ['Lead IRO']],
    ['a viewer', ['VIEWER'] as ['VIEWER'], []],
  ])('refuses %s', (_who, roles, owns) => {
    const decision = decide(roles, owns);
    expect(!decision.accepted && decision.refusal.error).toEqual(
      expect.objectContaining({ kind: 'FORBIDDEN' }),
    );
  });
});
