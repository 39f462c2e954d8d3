import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, PlanApi, type ActionView } from './support/plan-api.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

/* Issue 15, evidence behind a RAG: cited with the monthly update, read back everywhere a board looks. */

const EVIDENCE_FIELDS = 'kind title reference url value period';

const RECORD_ACTION_UPDATE = `mutation ($input: RecordActionUpdateInput!) {
  recordActionUpdate(input: $input) { id version rag progressNotes { text evidence { ${EVIDENCE_FIELDS} } } }
}`;

const ACTION_HISTORY = `query ($actionId: ID!) {
  actionHistory(actionId: $actionId) { kind reason evidence { ${EVIDENCE_FIELDS} } }
}`;

const PLAN_CHANGES = `query ($planId: ID!) {
  planChanges(planId: $planId) { ragMovements { action { ref } reason evidence { ${EVIDENCE_FIELDS} } } }
}`;

const CASELOAD = { kind: 'MEASURE', title: 'Caseload average', value: '18', period: 'Q2 2024-25' };
const AUDIT = {
  kind: 'DOCUMENT',
  title: 'Supervision audit report',
  reference: 'SA-24-03',
  url: 'https://intranet.example.gov.uk/audits/sa-24-03.pdf',
};
const REASON = 'Caseloads at the agreed level for three months';

describe('evidence behind a RAG change', () => {
  const clock = new TestClock('2024-04-25T09:00:00.000Z');
  let app: TestApp;
  let api: PlanApi;
  let planId: string;
  let action: ActionView;

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new PlanApi(app);
    const seeded = await api.seedPlan();
    planId = seeded.plan.id;
    action = seeded.actions['1.2'];
  });

  afterAll(async () => {
    await app.close();
  });

  const recordUpdate = (input: Record<string, unknown>) =>
    app.graphql<{ recordActionUpdate: ActionView }>(RECORD_ACTION_UPDATE, { input });

  it('records a document and a measure with the RAG change and reads them back in history, changes and the pack', async () => {
    const input = {
      actionId: action.id,
      rag: 'GREEN',
      reason: REASON,
      note: 'Two agency social workers recruited.',
      evidence: [CASELOAD, AUDIT],
    };
    const updated = dataOf(await recordUpdate(input)).recordActionUpdate;
    expect(updated).toMatchObject({ rag: 'GREEN', version: 3 });
    // With a RAG change the evidence backs the RAG, not the note.
    expect(updated.progressNotes).toEqual([{ text: input.note, evidence: [] }]);

    const recorded = [
      { ...CASELOAD, reference: null, url: null },
      { ...AUDIT, value: null, period: null },
    ];
    const { actionHistory } = dataOf(
      await app.graphql<{ actionHistory: { kind: string; evidence: unknown[] }[] }>(ACTION_HISTORY, {
        actionId: action.id,
      }),
    );
    expect(actionHistory.map(({ kind, evidence }) => ({ kind, evidence }))).toEqual([
      { kind: 'ACTION_ADDED', evidence: [] },
      { kind: 'RAG_CHANGED', evidence: recorded },
      { kind: 'PROGRESS_NOTE_ADDED', evidence: [] },
    ]);

    const { planChanges } = dataOf(
      await app.graphql<{ planChanges: { ragMovements: unknown[] } }>(PLAN_CHANGES, { planId }),
    );
    expect(planChanges.ragMovements).toEqual([
      { action: { ref: '1.2' }, reason: REASON, evidence: recorded },
    ]);

    const response = await fetch(`${app.url}/plans/${planId}/board-pack`, {
      headers: await app.adminHeaders(),
    });
    const html = await response.text();
    const movements = html.slice(html.indexOf('<h3>RAG movements</h3>'), html.indexOf('<h3>Net RAG'));
    expect(movements).toContain(REASON);
    expect(movements).toContain('<li>Caseload average: 18 (Q2 2024-25)</li>');
    expect(movements).toContain(
      '<a href="https://intranet.example.gov.uk/audits/sa-24-03.pdf" rel="noopener noreferrer">' +
        'Supervision audit report (ref SA-24-03)</a>',
    );

    const csv = await (
      await fetch(`${app.url}/plans/${planId}/history.csv`, { headers: await app.adminHeaders() })
    ).text();
    expect(csv).toContain(',Evidence,');
    expect(csv).toContain(
      'Caseload average: 18 (Q2 2024-25); Supervision audit report (ref SA-24-03) ' +
        '<https://intranet.example.gov.uk/audits/sa-24-03.pdf>',
    );
  });

  it('records the evidence with the note when the RAG does not move, and shows it with the note', async () => {
    const note = 'Supervision audit repeated: no change needed.';
    const input = { actionId: action.id, rag: 'GREEN', note, evidence: [{ ...AUDIT, url: null }] };
    const updated = dataOf(await recordUpdate(input)).recordActionUpdate;
    expect(updated.progressNotes.at(-1)).toEqual({
      text: note,
      evidence: [{ ...AUDIT, url: null, value: null, period: null }],
    });
    const html = await (
      await fetch(`${app.url}/plans/${planId}/board-pack`, { headers: await app.adminHeaders() })
    ).text();
    const notes = html.slice(
      html.indexOf('<h3>New progress notes</h3>'),
      html.indexOf('<h3>Other changes</h3>'),
    );
    expect(notes).toContain('<li>Supervision audit report (ref SA-24-03)</li>');
  });

  it.each([
    ['a blank title', [{ ...CASELOAD, title: '  ' }], 'evidence[0].title'],
    ['a javascript: link', [CASELOAD, { ...AUDIT, url: 'javascript:alert(1)' }], 'evidence[1].url'],
    ['more than five items', Array.from({ length: 6 }, () => CASELOAD), 'evidence'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and records nothing', async (_, evidence, field) => {
    const input = { actionId: action.id, rag: 'AMBER', reason: 'Slipping again', note: 'Recheck.', evidence };
    await api.rejectsRequest(() => recordUpdate(input), { code: 'BAD_USER_INPUT', field }, planId);
  });
});
