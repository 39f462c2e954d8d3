import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { NHS_NUMBER, NOTES, PlanApi, type ActionView } from './support/plan-api.js';
import { unsealedEvents } from './support/sealed-events.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '8d2e4f60-1a3b-4c5d-8e7f-9a0b1c2d3e4f';
const invalid = (field: string) => ({ code: 'BAD_USER_INPUT', field });

describe('bad input to changes of an action: a precise error and nothing recorded', () => {
  /** Thursday 25 April 2024, 10:00 in the UK: two days after the April board. */
  const clock = new TestClock('2024-04-25T09:00:00.000Z');
  let app: TestApp;
  let api: PlanApi;
  let planId: string;
  let action: ActionView;

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new PlanApi(app);
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(async () => {
    const seeded = await api.seedPlan();
    planId = seeded.plan.id;
    action = seeded.actions['1.2'];
  });

  it('NOT_FOUND for an action that does not exist, whatever the change', async () => {
    const actionId = UNKNOWN_ID;
    const notFound = { code: 'NOT_FOUND', field: 'actionId' };
    await api.rejects('changeRagStatus', { actionId, rag: 'GREEN', reason: 'Done' }, notFound);
    await api.rejects('addProgressNote', { actionId, text: NOTES.workshops }, notFound);
    await api.rejects('assignActionOwners', { actionId, owners: ['Lead IRO'] }, notFound);
    await api.rejects('rescheduleAction', { actionId, dueBy: '2024-09', reason: 'Slipped' }, notFound);
    await api.rejects('reviseActionDescription', { actionId, description: 'New', reason: 'Why' }, notFound);
    await api.rejects('withdrawAction', { actionId, reason: 'Merged' }, notFound);
  });

  describe('RAG', () => {
    it('refuses a change to the RAG the action already has', async () => {
      const error = await api.rejects(
        'changeRagStatus',
        { actionId: action.id, rag: 'AMBER', reason: 'Still in progress' },
        invalid('rag'),
        planId,
      );
      expect(error.message).toContain('1.2');
    });

    it('refuses a RAG that is not one, as a variable and as a literal', async () => {
      await api.rejects(
        'changeRagStatus',
        { actionId: action.id, rag: 'PURPLE', reason: 'Why' },
        invalid('rag'),
        planId,
      );
      const literal = `mutation { changeRagStatus(input: { actionId: "${action.id}", rag: PURPLE, reason: "Why" }) { id } }`;
      const error = await api.rejectsRequest(() => app.graphql(literal), {
        code: 'GRAPHQL_VALIDATION_FAILED',
        field: 'rag',
      });
      expect(error.message).toContain('PURPLE');
    });

    it('needs a reason: an omitted one is a GraphQL validation error, a blank one is refused', async () => {
      const literal = `mutation { changeRagStatus(input: { actionId: "${action.id}", rag: GREEN }) { id rag } }`;
      const omitted = await api.rejectsRequest(
        () => app.graphql(literal),
        { code: 'GRAPHQL_VALIDATION_FAILED', field: expect.any(String) },
        planId,
      );
      expect(omitted.message).toMatch(/reason/);
      const omittedInVariable = await api.rejects(
        'changeRagStatus',
        { actionId: action.id, rag: 'GREEN' },
        { code: 'BAD_USER_INPUT', field: expect.any(String) },
        planId,
      );
      expect(omittedInVariable.message).toMatch(/reason/);

      await api.rejects(
        'changeRagStatus',
        { actionId: action.id, rag: 'GREEN', reason: '  ' },
        invalid('reason'),
        planId,
      );
      await api.rejects(
        'changeRagStatus',
        { actionId: action.id, rag: 'GREEN', reason: 'r'.repeat(2_001) },
        invalid('reason'),
        planId,
      );
    });

    it('needs a reason to reschedule, revise or withdraw too', async () => {
      const actionId = action.id;
      await api.rejects(
        'rescheduleAction',
        { actionId, dueBy: '2024-09', reason: ' ' },
        invalid('reason'),
        planId,
      );
      await api.rejects(
        'reviseActionDescription',
        { actionId, description: 'Assessments are consistently good.', reason: '' },
        invalid('reason'),
        planId,
      );
      await api.rejects('withdrawAction', { actionId, reason: '\n' }, invalid('reason'), planId);
    });
  });

  describe('effective date', () => {
    it('accepts today and an earlier day, refuses a future one', async () => {
      const board = await api.changeRagStatus(action.id, 'GREEN', 'Agreed at the board', {
        effectiveDate: '2024-04-23',
      });
      expect(board.rag).toBe('GREEN');
      const today = await api.addProgressNote(action.id, NOTES.workshops, { effectiveDate: '2024-04-25' });
      expect(today.progressNotes[0]?.effectiveDate).toBe('2024-04-25');
      await api.rejects(
        'addProgressNote',
        { actionId: action.id, text: NOTES.workshops, effectiveDate: '2024-04-26' },
        invalid('effectiveDate'),
        planId,
      );
      await api.rejects(
        'changeRagStatus',
        { actionId: action.id, rag: 'BLUE', reason: 'Embedded', effectiveDate: '2025-01-01' },
        invalid('effectiveDate'),
        planId,
      );
    });

    it('refuses an effective date that is not a calendar day', async () => {
      for (const effectiveDate of ['2024-04', '23/04/2024', '2024-02-30']) {
        await api.rejects(
          'addProgressNote',
          { actionId: action.id, text: NOTES.workshops, effectiveDate },
          invalid('effectiveDate'),
          planId,
        );
      }
    });
  });

  describe('personal data in progress notes', () => {
    it('warns about an NHS number, recording nothing, and records the note once acknowledged', async () => {
      const text = `Audit found the assessment for NHS number ${NHS_NUMBER} lacked a chronology.`;
      const error = await api.rejects(
        'addProgressNote',
        { actionId: action.id, text },
        { code: 'BAD_USER_INPUT', field: 'text', reason: 'PERSONAL_DATA_SUSPECTED' },
        planId,
      );
      expect(error.message).toMatch(/NHS number/);
      expect(error.message).toMatch(/acknowledgePersonalData/);

      const acknowledged = await api.addProgressNote(action.id, text, { acknowledgePersonalData: true });
      expect(acknowledged.progressNotes.map((note) => note.text)).toEqual([text]);
      expect(unsealedEvents(app).at(-1)).toMatchObject({
        type: 'ProgressNoteAdded',
        data: { text, personalDataAcknowledged: true },
      });
    });

    it('warns about a date of birth too, but not about a number that fails the NHS check digit', async () => {
      await api.rejects(
        'addProgressNote',
        { actionId: action.id, text: 'Child (DOB: 12/03/2015) has been re-referred twice.' },
        { code: 'BAD_USER_INPUT', field: 'text', reason: 'PERSONAL_DATA_SUSPECTED' },
        planId,
      );
      const noted = await api.addProgressNote(action.id, 'Contract ref 943 476 5910 signed off.');
      expect(noted.progressNotes).toHaveLength(1);
    });

    it('refuses an empty or over-long note', async () => {
      await api.rejects('addProgressNote', { actionId: action.id, text: ' ' }, invalid('text'), planId);
      await api.rejects(
        'addProgressNote',
        { actionId: action.id, text: 'n'.repeat(20_001) },
        invalid('text'),
        planId,
      );
    });
  });

  describe('owners, dates and descriptions', () => {
    it('refuses a blank owner name, and the owners the action already has', async () => {
      await api.rejects(
        'assignActionOwners',
        { actionId: action.id, owners: ['Lead IRO', ''] },
        invalid('owners[1]'),
        planId,
      );
      await api.rejects(
        'assignActionOwners',
        { actionId: action.id, owners: action.owners },
        invalid('owners'),
        planId,
      );
    });

    it('refuses a reschedule that would commence after the due date', async () => {
      await api.rejects(
        'rescheduleAction',
        { actionId: action.id, commencing: '2024-06', dueBy: '2024-05', reason: 'Board agreed' },
        invalid('commencing'),
        planId,
      );
    });

    it('refuses a description that is blank, over-long or unchanged', async () => {
      const revise = (description: string) => ({ actionId: action.id, description, reason: 'Board asked' });
      await api.rejects('reviseActionDescription', revise('  '), invalid('description'), planId);
      await api.rejects(
        'reviseActionDescription',
        revise('d'.repeat(20_001)),
        invalid('description'),
        planId,
      );
      await api.rejects(
        'reviseActionDescription',
        revise(action.description),
        invalid('description'),
        planId,
      );
    });
  });

  it('takes "today" in UK time: just after midnight in summer it is already the next day', async () => {
    const saved = clock.peek();
    clock.set('2024-06-30T23:30:00.000Z'); // 00:30 on 1 July in the UK (BST), still 30 June in UTC
    try {
      const noted = await api.addProgressNote(action.id, NOTES.workshops, { effectiveDate: '2024-07-01' });
      expect(noted.progressNotes[0]?.effectiveDate).toBe('2024-07-01');
      await api.rejects(
        'addProgressNote',
        { actionId: action.id, text: NOTES.workshops, effectiveDate: '2024-07-02' },
        invalid('effectiveDate'),
        planId,
      );
    } finally {
      clock.set(saved); // later tests use fresh plans, so their times need not follow this one's
    }
  });
});
