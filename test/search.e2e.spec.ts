import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HistoryApi } from './support/history-api.js';
import { ACTIONS, dataOf, expectError, PlanApi, type ActionView } from './support/plan-api.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

const SEARCH = `query ($planId: ID!, $text: String!, $first: Int) {
  searchPlan(planId: $planId, text: $text, first: $first) {
    totalCount
    hits {
      kind changeKind eventId field actionId actionRef themeId noteId text highlights { start end }
      recordedAt effectiveDate actor { name } superseded redacted
    }
  }
}`;

interface Hit {
  kind: string;
  changeKind: string;
  eventId: string;
  field: string | null;
  actionId: string | null;
  actionRef: string | null;
  noteId: string | null;
  text: string;
  highlights: { start: number; end: number }[];
  recordedAt: string;
  effectiveDate: string | null;
  actor: { name: string } | null;
  superseded: boolean;
  redacted: boolean;
}

interface Found {
  totalCount: number;
  hits: Hit[];
}

const NOTE = 'Rôle of the Lead IRO agreed with the team; supervision audit complete.';
const RAG_REASON = 'Agency social workers left the assessment team';
// Recorded by mistake, then erased.
const PERSONAL_NOTE = 'Jamie Brown moved to a placement out of area.';
const WHY = 'Identified a child';

describe('searching within a plan', () => {
  let app: TestApp;
  let api: PlanApi;
  let planId: string;
  let actions: Record<'1.1' | '1.2' | '1.4' | '2.1' | '4.3', ActionView>;

  const send = (text: string, first?: number, id = planId) =>
    app.graphql<{ searchPlan: Found }>(SEARCH, { planId: id, text, first });
  const search = async (text: string, first?: number) => dataOf(await send(text, first)).searchPlan;
  const marked = ({ text, highlights }: Hit) => highlights.map(({ start, end }) => text.slice(start, end));

  beforeAll(async () => {
    const clock = new TestClock('2024-04-25T09:00:00.000Z');
    app = await startTestApp({ clock: clock.clock });
    api = new PlanApi(app);
    ({
      plan: { id: planId },
      actions,
    } = await api.seedPlan());
    await api.changeRagStatus(actions['1.1'].id, 'RED', RAG_REASON, { effectiveDate: '2024-04-23' });
    await api.addProgressNote(actions['1.1'].id, NOTE);
  });

  afterAll(async () => {
    await app.close();
  });

  it('finds a progress note by a word in any case, with or without its accents', async () => {
    for (const text of ['rôle', 'ROLE', 'Role']) {
      const { hits } = await search(text);
      expect(hits).toEqual([
        expect.objectContaining({
          kind: 'NOTE',
          changeKind: 'PROGRESS_NOTE_ADDED',
          field: 'TEXT',
          actionId: actions['1.1'].id,
          actionRef: '1.1',
          noteId: expect.any(String),
          text: NOTE,
          recordedAt: expect.stringMatching(/^2024-04-25T/),
          actor: { name: 'Test Admin' },
          superseded: false,
          redacted: false,
        }),
      ]);
      expect(marked(hits[0]!)).toEqual(['Rôle']);
    }
  });

  it('finds the reason for a change, with the event that recorded it and the day it took effect', async () => {
    const history = await new HistoryApi(app).actionHistory(actions['1.1'].id);
    const ragChange = history.find((change) => change.kind === 'RAG_CHANGED')!;
    const { hits } = await search('agency');
    expect(hits).toEqual([
      expect.objectContaining({
        kind: 'REASON',
        changeKind: 'RAG_CHANGED',
        eventId: ragChange.eventId,
        field: 'REASON',
        actionRef: '1.1',
        text: RAG_REASON,
        recordedAt: ragChange.recordedAt,
        effectiveDate: '2024-04-23',
      }),
    ]);
  });

  it('finds an action by its description, and one since revised by its earlier wording', async () => {
    const { hits } = await search('Childrens ASSESSMENTS');
    expect(hits.map(({ kind, actionRef }) => ({ kind, actionRef }))).toEqual([
      { kind: 'DESCRIPTION', actionRef: '1.2' },
    ]);
    expect(marked(hits[0]!)).toEqual(['children’s', 'assessments']);

    await api.reviseActionDescription(
      actions['4.3'].id,
      'Life story work for every child in care.',
      'Clearer',
    );
    const revised = await search('timely');
    expect(revised.hits).toEqual([
      expect.objectContaining({
        kind: 'DESCRIPTION',
        actionRef: '4.3',
        text: ACTIONS['4.3'].description,
        superseded: true,
      }),
    ]);
    expect((await search('life story')).hits.map(({ superseded }) => superseded)).toEqual([false, true]);
  });

  it('finds only the texts that hold every word', async () => {
    expect((await search('caseloads')).totalCount).toBeGreaterThan(1);
    const { totalCount, hits } = await search('caseloads oversight');
    expect(totalCount).toBe(1);
    expect(hits[0]).toMatchObject({ kind: 'DESCRIPTION', actionRef: '1.1' });
    expect(await search('caseloads chronologies')).toEqual({ totalCount: 0, hits: [] });
  });

  it('answers the best `first` hits and how many there are in all', async () => {
    const all = await search('team');
    expect(all.totalCount).toBeGreaterThan(2);
    const firstTwo = await search('team', 2);
    expect(firstTwo).toEqual({ totalCount: all.totalCount, hits: all.hits.slice(0, 2) });
  });

  it('never finds an erased text by what it said, before or after a restart', async () => {
    const { progressNotes } = await api.addProgressNote(actions['2.1'].id, PERSONAL_NOTE, {
      acknowledgePersonalData: true,
    });
    expect((await search('jamie')).totalCount).toBe(1);
    const redact = `mutation ($input: RedactTextInput!) { redactText(input: $input) { id } }`;
    const noteId = progressNotes.at(-1)!.id;
    dataOf(await app.graphql(redact, { input: { planId, noteId, reason: WHY } }));

    for (const moment of ['after the redaction', 'after a restart']) {
      if (moment === 'after a restart') await app.restart();
      expect({ moment, found: (await search('jamie brown')).totalCount }).toEqual({ moment, found: 0 });
      expect({ moment, found: (await search('placement')).totalCount }).toEqual({ moment, found: 0 });
      expect((await search('redacted identified')).hits).toEqual([
        expect.objectContaining({ kind: 'NOTE', noteId, text: expect.stringContaining(WHY), redacted: true }),
      ]);
    }
  });

  it('answers NOT_FOUND for a plan that does not exist', async () => {
    expectError(await send('caseloads', undefined, '0b5f7c1e-7d8a-4c52-9e0b-2f4a6d8c1e3f'), {
      code: 'NOT_FOUND',
      field: 'planId',
    });
  });

  it('refuses an empty or over-long query, and a page size out of bounds', async () => {
    for (const text of ['', '   ', '?!', 'word '.repeat(41)]) {
      expectError(await send(text), { code: 'BAD_USER_INPUT', field: 'text' });
    }
    for (const first of [0, 101]) {
      expectError(await send('caseloads', first), { code: 'BAD_USER_INPUT', field: 'first' });
    }
  });
});
