import { describe, expect, it } from '@jest/globals';
import {
  APRIL_BOARD,
  BOARD_HISTORY,
  boardPackOf,
  END_OF_APRIL_BOARD_DAY,
  END_OF_MAY_BOARD_DAY,
  MAY_BOARD,
  mayBoardPack,
} from '../../../test/support/board-pack-fixture.js';
import { recorded } from '../../../test/support/decider-spec.js';
import { actionAdded, actionWithdrawn } from '../../../test/support/plan-builders.js';

const refs = (rows: readonly { ref: string }[]) => rows.map((row) => row.ref);

describe('a board pack, given a plan between two boards', () => {
  const pack = mayBoardPack();

  it('is for the May board, as recorded by the end of its UK day', () => {
    expect(pack).toMatchObject({
      title: 'Isle of Wight ILACS improvement plan',
      localAuthority: 'Isle of Wight Council',
      status: 'DRAFT',
      asAt: END_OF_MAY_BOARD_DAY,
      asAtDay: '2024-05-14',
      boardMeeting: MAY_BOARD,
      version: 13,
    });
  });

  it('counts the RAG statuses of the plan then, overall and by theme', () => {
    expect(pack.ragSummary).toEqual({ red: 0, amber: 3, green: 1, blue: 0, notRated: 1, total: 5 });
    expect(pack.themes.map((theme) => [theme.number, theme.title, theme.ragSummary.total])).toEqual([
      [1, 'Caseloads', 3],
      [2, 'Pre-proceedings (PLO)', 2],
    ]);
    expect(pack.themes[1]!.ragSummary).toEqual({
      red: 0,
      amber: 0,
      green: 1,
      blue: 0,
      notRated: 1,
      total: 2,
    });
  });

  it('lists each theme’s actions in ref order, with owners, dates, RAG and the latest note', () => {
    expect(pack.themes.map((theme) => refs(theme.actions))).toEqual([
      ['1.1', '1.2', '1.10'],
      ['2.1', '2.2'],
    ]);
    const [a11, a12, a110] = pack.themes[0]!.actions;
    expect(a110).toMatchObject({
      owners: [],
      commencing: '2024-03',
      dueBy: '2024-04',
      rag: 'AMBER',
      latestNote: null,
    });
    expect(a11).toMatchObject({ owners: ['Service Manager Operations'], rag: 'AMBER' });
    expect(a12!.latestNote).toEqual({
      text: 'Workshops planned for May.',
      recordedAt: '2024-04-22T09:00:00.000Z',
      effectiveDate: null,
      actor: 'Sam Patel',
      evidence: [],
    });
  });

  it('shows what changed since the April board, from history’s diff', () => {
    const { changes } = pack;
    expect(changes).toMatchObject({
      since: END_OF_APRIL_BOARD_DAY,
      sinceBoardMeeting: APRIL_BOARD,
      sincePlanCreated: false,
    });
    expect(changes.ragSummaryBefore).toEqual({ red: 0, amber: 2, green: 1, blue: 0, notRated: 1, total: 4 });
    const by = { actor: 'Sam Patel', effectiveDate: null, evidence: [] };
    expect(changes.ragMovements).toEqual([
      {
        ref: '1.1',
        from: 'NOT_RATED',
        to: 'RED',
        direction: 'FIRST_RATED',
        reason: 'Recruitment stalled',
        recordedAt: '2024-04-15T09:00:00.000Z',
        ...by,
      },
      {
        ref: '1.1',
        from: 'RED',
        to: 'AMBER',
        direction: 'IMPROVED',
        reason: 'Recruitment restarted',
        recordedAt: '2024-04-20T09:00:00.000Z',
        ...by,
      },
    ]);
    expect(changes.netRagChanges).toEqual([
      {
        ref: '1.1',
        from: 'NOT_RATED',
        to: 'AMBER',
        direction: 'FIRST_RATED',
        addedInPeriod: false,
        movements: 2,
      },
    ]);
    expect(changes.newNotes.map((note) => [note.ref, note.text])).toEqual([
      ['1.2', 'Workshops planned for May.'],
    ]);
    expect(changes.addedActions).toEqual([{ ref: '2.2', description: expect.any(String), rag: 'NOT_RATED' }]);
    expect(changes.withdrawnActions).toEqual([]);
  });

  it('lists overdue actions: past the due-by date, or past commencing and still not rated', () => {
    expect(pack.overdue.map((action) => [action.ref, action.rule, action.daysOverdue])).toEqual([
      ['1.10', 'DUE_BY_PASSED', 14],
      ['2.2', 'COMMENCING_PASSED', 14],
    ]);
  });

  it('lists stale actions: no progress note in the last 42 days, counting from when added', () => {
    expect(pack.staleAfterDays).toBe(42);
    expect(pack.stale.map((action) => [action.ref, action.lastNoteAt, action.daysQuiet])).toEqual([
      ['1.1', null, 43],
      ['1.10', null, 43],
      ['2.1', null, 43],
    ]);
  });

  it('lists stale actions for another number of days, ranked: Amber before Green, longest quiet first', () => {
    const pack = mayBoardPack(BOARD_HISTORY, 20);
    expect(refs(pack.stale)).toEqual(['1.1', '1.10', '1.2', '2.1']);
    expect(pack.staleNotListed).toEqual([]);
  });

  it('lists ten stale actions at most, and names the others by ref', () => {
    const more = Array.from({ length: 12 }, (_, index) =>
      recorded(actionAdded({ actionId: `action-3-${index + 1}`, ref: `3.${index + 1}`, rag: 'GREEN' }), {
        recordedAt: '2024-04-02T09:00:00.000Z',
      }),
    );
    const pack = mayBoardPack([...BOARD_HISTORY, ...more]);
    expect(refs(pack.stale)).toEqual(['1.1', '1.10', '2.1', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7']);
    expect(pack.staleNotListed).toEqual(['3.8', '3.9', '3.10', '3.11', '3.12']);
  });

  it('carries the monthly RAG trend from the plan’s creation to the board', () => {
    expect(
      pack.trend.map(({ at, amber, green, notRated, total }) => [at, amber, green, notRated, total]),
    ).toEqual([
      ['2024-04-01T08:00:00.000Z', 2, 1, 1, 4],
      ['2024-05-01T08:00:00.000Z', 3, 1, 0, 4],
      [END_OF_MAY_BOARD_DAY, 3, 1, 1, 5],
    ]);
  });

  it('leaves withdrawn actions out of the tables, counts and lists, and reports the withdrawal', () => {
    const withdrawn = recorded(actionWithdrawn({ actionId: 'action-1-10' }), {
      recordedAt: '2024-05-02T09:00:00.000Z',
    });
    const after = mayBoardPack([...BOARD_HISTORY, withdrawn]);
    expect(refs(after.themes[0]!.actions)).toEqual(['1.1', '1.2']);
    expect(after.ragSummary.total).toBe(4);
    expect(refs(after.overdue)).toEqual(['2.2']);
    expect(refs(after.stale)).toEqual(['1.1', '2.1']);
    expect(refs(after.changes.withdrawnActions)).toEqual(['1.10']);
  });

  it('compares the first pack with the plan as first recorded: an import’s whole document', () => {
    // BOARD_HISTORY records the plan, its themes and actions in one instant, as an import does.
    const first = boardPackOf(BOARD_HISTORY, { asAt: END_OF_APRIL_BOARD_DAY });
    expect(first.changes.sincePlanCreated).toBe(true);
    expect(first.changes.sinceBoardMeeting).toBeNull();
    expect(first.changes.addedActions).toEqual([]);
    expect(first.changes.ragSummaryBefore).toEqual({
      red: 0,
      amber: 2,
      green: 1,
      blue: 0,
      notRated: 1,
      total: 4,
    });
  });

  it('shows actions added after the plan was created as new in its first pack', () => {
    const [created, ...rest] = BOARD_HISTORY;
    const later = rest.map((given) =>
      'event' in given && given.context.recordedAt === '2024-04-01T08:00:00.000Z'
        ? { ...given, context: { ...given.context, recordedAt: '2024-04-01T08:05:00.000Z' } }
        : given,
    );
    const first = boardPackOf([created!, ...later], { asAt: END_OF_APRIL_BOARD_DAY });
    expect(refs(first.changes.addedActions)).toEqual(['1.1', '1.2', '1.10', '2.1']);
    expect(first.changes.ragSummaryBefore.total).toBe(0);
  });
});
