import { describe, expect, it } from '@jest/globals';
import { foldPlan, given } from '../../../test/support/decider-spec.js';
import {
  ACTION_ID,
  addProgressNote,
  changeRagStatus,
  NOTE_ID,
  planWithAction,
  progressNoteAdded,
  ragStatusChanged,
} from '../../../test/support/plan-builders.js';
import type { RecordActionUpdate } from './commands.js';
import { evidenceText, type CitedEvidence, type Evidence } from './evidence.js';

const AUDIT: CitedEvidence = {
  kind: 'DOCUMENT',
  title: ' Supervision audit report ',
  reference: 'SA-24-03',
  url: 'https://intranet.example.gov.uk/audits/sa-24-03.pdf',
};
const CASELOAD: CitedEvidence = {
  kind: 'MEASURE',
  title: 'Caseload average',
  value: '18',
  period: 'Q2 2024-25',
};

const AUDIT_RECORDED: Evidence = {
  kind: 'DOCUMENT',
  title: 'Supervision audit report',
  reference: 'SA-24-03',
  url: 'https://intranet.example.gov.uk/audits/sa-24-03.pdf',
};
const CASELOAD_RECORDED: Evidence = {
  kind: 'MEASURE',
  title: 'Caseload average',
  value: '18',
  period: 'Q2 2024-25',
};

const update = (data: Partial<RecordActionUpdate['data']>): RecordActionUpdate => ({
  type: 'RecordActionUpdate',
  data: { actionId: ACTION_ID, noteId: NOTE_ID, ...data },
});

describe('evidence cited with a RAG change', () => {
  it('records a document and a measure with the change, trimmed', () =>
    given(...planWithAction())
      .when(changeRagStatus({ evidence: [CASELOAD, AUDIT] }))
      .then([ragStatusChanged({ evidence: [CASELOAD_RECORDED, AUDIT_RECORDED] })]));

  it('records a change citing nothing exactly as before evidence existed (no evidence field)', () =>
    given(...planWithAction())
      .when(changeRagStatus({ evidence: [] }))
      .then([ragStatusChanged()]));

  it('records a document by its reference alone, without a link', () =>
    given(...planWithAction())
      .when(changeRagStatus({ evidence: [{ kind: 'DOCUMENT', title: 'Board minutes', reference: 'B-7' }] }))
      .then([
        ragStatusChanged({
          evidence: [{ kind: 'DOCUMENT', title: 'Board minutes', reference: 'B-7', url: null }],
        }),
      ]));

  it.each([
    ['a blank title', { ...AUDIT, title: '  ' }, 'evidence[0].title'],
    ['an over-long title', { ...AUDIT, title: 'x'.repeat(301) }, 'evidence[0].title'],
    ['a javascript: link', { ...AUDIT, url: 'javascript:alert(1)' }, 'evidence[0].url'],
    ['a link that is not a web address', { ...AUDIT, url: 'file:///c:/audit.pdf' }, 'evidence[0].url'],
    ['a link with no host', { ...AUDIT, url: 'https://' }, 'evidence[0].url'],
    ['a measure without a value', { ...CASELOAD, value: ' ' }, 'evidence[0].value'],
    ['a measure without a period', { ...CASELOAD, period: null }, 'evidence[0].period'],
    ['a long measure value', { ...CASELOAD, value: '1'.repeat(41) }, 'evidence[0].value'],
    ['a measure with a link', { ...CASELOAD, url: 'https://example.org' }, 'evidence[0].url'],
    ['a document with a value', { ...AUDIT, value: '18' }, 'evidence[0].value'],
    ['an unknown kind', { ...AUDIT, kind: 'RUMOUR' }, 'evidence[0].kind'],
  ])('refuses %s, naming the item and its field', (_, item, field) =>
    given(...planWithAction())
      .when(changeRagStatus({ evidence: [item] }))
      .thenThrows('INVALID', field),
  );

  it('names the item at fault by its place in the list', () =>
    given(...planWithAction())
      .when(changeRagStatus({ evidence: [CASELOAD, { ...AUDIT, url: 'javascript:alert(1)' }] }))
      .thenThrows('INVALID', 'evidence[1].url'));

  it('refuses more than five items', () =>
    given(...planWithAction())
      .when(changeRagStatus({ evidence: Array.from({ length: 6 }, () => CASELOAD) }))
      .thenThrows('INVALID', 'evidence'));

  it('refuses a title that looks like it identifies a child, as a reason would be', () =>
    given(...planWithAction())
      .when(changeRagStatus({ evidence: [{ ...AUDIT, title: 'Case file, DOB 12/03/2015' }] }))
      .thenThrows('PERSONAL_DATA_SUSPECTED', 'evidence[0].title'));
});

describe('evidence cited with a progress note', () => {
  it('records it with the note, and the note shows it once folded', () => {
    const recorded = progressNoteAdded({ evidence: [CASELOAD_RECORDED] });
    given(...planWithAction())
      .when(addProgressNote({ evidence: [CASELOAD] }))
      .then([recorded]);
    const note = foldPlan([...planWithAction(), recorded])!.actions.get(ACTION_ID)!.progressNotes[0]!;
    expect(note.evidence).toEqual([CASELOAD_RECORDED]);
  });

  it('reads a note recorded before evidence existed as citing nothing', () => {
    const plan = foldPlan([...planWithAction(), progressNoteAdded()])!;
    expect(plan.actions.get(ACTION_ID)!.progressNotes[0]!.evidence).toEqual([]);
  });
});

describe('evidence cited in the monthly update', () => {
  const reason = 'Caseloads at 18 for three months';

  it('goes with the RAG change when the RAG moves, the note citing nothing', () =>
    given(...planWithAction({ rag: 'AMBER' }))
      .when(update({ rag: 'GREEN', reason, note: 'Recruited two.', evidence: [CASELOAD, AUDIT] }))
      .then([
        ragStatusChanged({
          from: 'AMBER',
          to: 'GREEN',
          reason,
          evidence: [CASELOAD_RECORDED, AUDIT_RECORDED],
        }),
        progressNoteAdded({ text: 'Recruited two.' }),
      ]));

  it('goes with the note when the RAG stays as it is', () =>
    given(...planWithAction({ rag: 'AMBER' }))
      .when(update({ rag: 'AMBER', note: 'Recruited two.', evidence: [CASELOAD] }))
      .then([progressNoteAdded({ text: 'Recruited two.', evidence: [CASELOAD_RECORDED] })]));

  it('refuses bad evidence and records nothing, naming the field as sent', () =>
    given(...planWithAction({ rag: 'AMBER' }))
      .when(update({ rag: 'GREEN', reason, note: 'Recruited two.', evidence: [{ ...AUDIT, title: '' }] }))
      .thenThrows('INVALID', 'evidence[0].title'));
});

describe('evidence in words', () => {
  it('reads as an auditor would write it, with a link kept as text', () =>
    expect(
      evidenceText([
        CASELOAD_RECORDED,
        { ...AUDIT_RECORDED, url: null },
        { ...AUDIT_RECORDED, reference: null },
      ]),
    ).toBe(
      'Caseload average: 18 (Q2 2024-25); Supervision audit report (ref SA-24-03); ' +
        'Supervision audit report <https://intranet.example.gov.uk/audits/sa-24-03.pdf>',
    ));
});
