import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { textKeyId } from '../src/event-store/sealed-text/text-keys.port.js';
import { csvRecords, download } from './support/export-api.js';
import { HistoryApi, type PlanChangeView } from './support/history-api.js';
import { ACTION_FIELDS, dataOf, expectError, PlanApi, type ActionView } from './support/plan-api.js';
import { readPdf } from './support/pdf-text.js';
import { storedTextKey, unsealedEvents } from './support/sealed-events.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

// A note and a reason that name a child, recorded by mistake, then erased (UK GDPR).
const NOTE = 'Jamie Brown (NHS 943 476 5919) moved to a placement out of area.';
const RAG_REASON = 'Jamie Brown’s placement broke down';
const WHY = 'Identified a child';
const NOTICE = `Redacted on 2026-12-01 by Test Admin: ${WHY}`;
const PERSONAL = /Jamie|943 476 5919/;

const REDACT = `mutation ($input: RedactTextInput!) {
  redactText(input: $input) {
    id version
    actions { ${ACTION_FIELDS} progressNotes { id text redaction { redactedAt redactedBy { name } reason } } }
  }
}`;

describe('erasing text recorded by mistake', () => {
  let app: TestApp;
  let api: PlanApi;
  let history: HistoryApi;
  let planId: string;
  let action: ActionView;
  let noteId: string;
  let ragChange: PlanChangeView;
  let beforeRedaction: string;
  let noteKey: Buffer | undefined;

  const redact = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    app.graphql<{ redactText: { actions: (ActionView & { progressNotes: unknown[] })[] } }>(
      REDACT,
      { input: { planId, reason: WHY, ...input } },
      headers,
    );

  beforeAll(async () => {
    const clock = new TestClock('2026-12-01T09:00:00.000Z');
    app = await startTestApp({ clock: clock.clock });
    api = new PlanApi(app);
    history = new HistoryApi(app);
    const seeded = await api.seedPlan();
    planId = seeded.plan.id;
    await api.changeRagStatus(seeded.actions['1.1'].id, 'RED', RAG_REASON);
    action = await api.addProgressNote(seeded.actions['1.1'].id, NOTE, { acknowledgePersonalData: true });
    noteId = action.progressNotes[0]!.id;
    ragChange = (await history.actionHistory(action.id)).find((change) => change.kind === 'RAG_CHANGED')!;
    const noteEvent = unsealedEvents(app).find((event) => event.type === 'ProgressNoteAdded')!;
    noteKey = storedTextKey(app.dataDir, textKeyId(noteEvent.id!, 'text'));
    beforeRedaction = clock.peek();
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses anyone but an ADMIN', async () => {
    const editor = { authorization: `Bearer ${await app.tokenFor({ name: 'Ed Itor', roles: ['EDITOR'] })}` };
    expectError(await redact({ noteId }, editor), { code: 'FORBIDDEN' });
  });

  it('erases a note and a reason, showing who erased them, when and why', async () => {
    const note = dataOf(await redact({ noteId })).redactText.actions.find((one) => one.id === action.id)!;
    expect(note.progressNotes).toEqual([
      expect.objectContaining({
        text: NOTICE,
        redaction: {
          redactedAt: expect.stringMatching(/^2026-12-01T/),
          redactedBy: { name: 'Test Admin' },
          reason: WHY,
        },
      }),
    ]);
    dataOf(await redact({ eventId: ragChange.eventId }));
  });

  it('refuses to erase the same text twice, or a text the plan does not have', async () => {
    expectError(await redact({ noteId }), { code: 'BAD_USER_INPUT', field: 'noteId' });
    expectError(await redact({ eventId: ragChange.eventId, field: 'TEXT' }), {
      code: 'BAD_USER_INPUT',
      field: 'field',
    });
    expectError(await redact({ noteId: '0b5f7c1e-7d8a-4c52-9e0b-2f4a6d8c1e3f' }), {
      code: 'NOT_FOUND',
      field: 'noteId',
    });
  });

  it('shows the notice in every answer: now, in history, as it was, and what changed', async () => {
    const answers = [
      await api.fullPlan(planId),
      await history.actionHistory(action.id),
      await history.actionAt(action.id, beforeRedaction),
      await history.planChanges(planId, { since: '2026-01-01T00:00:00.000Z' }),
    ];
    expect(JSON.stringify(answers)).not.toMatch(PERSONAL);
    const changes = await history.actionHistory(action.id);
    expect(changes.find((change) => change.kind === 'PROGRESS_NOTE_ADDED')?.to).toBe(NOTICE);
    expect(changes.find((change) => change.kind === 'RAG_CHANGED')?.reason).toBe(NOTICE);
    expect(changes.filter((change) => change.kind === 'TEXT_REDACTED').map((change) => change.field)).toEqual(
      ['text', 'reason'],
    );
    expect((await history.actionAt(action.id, beforeRedaction))?.progressNotes[0]?.text).toBe(NOTICE);
  });

  it('shows the notice in the CSV and XLSX exports', async () => {
    const csv = csvRecords((await download(app, planId, 'csv')).body);
    expect(csv.find((row) => row.Ref === '1.1')?.['Progress and Impact to date']).toBe(NOTICE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(app, planId, 'xlsx')).body as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain(NOTICE);
    expect(cells.join('\n')).not.toMatch(PERSONAL);
  });

  it('shows the notice in the board pack, as a page and as a PDF', async () => {
    const get = async (path: string) =>
      Buffer.from(
        await (await fetch(`${app.url}${path}`, { headers: await app.adminHeaders() })).arrayBuffer(),
      );
    const page = (await get(`/plans/${planId}/board-pack`)).toString('utf8');
    expect(page).toContain(NOTICE);
    expect(page).not.toMatch(PERSONAL);
    const pdf = (await readPdf(await get(`/plans/${planId}/board-pack.pdf`))).text.replace(/\s+/g, ' ');
    expect(pdf).toContain('Redacted on 2026-12-01 by Test Admin');
    expect(pdf).not.toMatch(PERSONAL);
  });

  it('leaves neither the text nor its key in any file of the data directory', () => {
    expect(noteKey).toBeDefined();
    for (const file of readdirSync(app.dataDir).filter((name) => name.includes('.db'))) {
      const bytes = readFileSync(join(app.dataDir, file));
      expect({ file, text: bytes.includes('Jamie'), key: bytes.includes(noteKey!) }).toEqual({
        file,
        text: false,
        key: false,
      });
    }
    const stored = unsealedEvents(app).filter((event) => event.type !== 'TextRedacted');
    expect(JSON.stringify(stored)).not.toMatch(PERSONAL);
  });

  it('still verifies the audit trail, which covers the events as stored', async () => {
    const verified = dataOf(
      await app.graphql<{ verifyAuditTrail: { valid: boolean; eventsChecked: number } }>(
        'query ($planId: ID!) { verifyAuditTrail(planId: $planId) { valid eventsChecked } }',
        { planId },
      ),
    );
    const { version } = (await api.plan(planId))!;
    expect(verified.verifyAuditTrail).toEqual({ valid: true, eventsChecked: version });
  });

  it('shows the notice again after a restart, from events whose text can no longer be opened', async () => {
    await app.restart();
    const [note] = (await api.action(action.id))!.progressNotes;
    expect(note?.text).toBe(NOTICE);
    expect(
      (await history.actionHistory(action.id)).find((change) => change.kind === 'RAG_CHANGED')?.reason,
    ).toBe(NOTICE);
    expect(JSON.stringify(await history.actionAt(action.id, beforeRedaction))).not.toMatch(PERSONAL);
  });
});
