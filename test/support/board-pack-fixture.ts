import { changeTiming, describeChange, type PlanChange } from '../../src/history/domain/plan-change.js';
import { diffPlans } from '../../src/history/domain/plan-diff.js';
import { trendInstants } from '../../src/history/domain/rag-trend.js';
import { activeActions, evolve, type BoardMeeting, type Plan } from '../../src/plans/domain/plan.js';
import { summariseRag } from '../../src/plans/domain/rag.js';
import { buildBoardPack, type BoardPack } from '../../src/reports/domain/board-pack.js';
import { DEFAULT_STALE_AFTER_DAYS } from '../../src/reports/domain/stale.js';
import type { ActionAdded, PlanEvent } from '../../src/plans/domain/events.js';
import { RECORDED_AT, recorded, type GivenEvent } from './decider-spec.js';
import {
  ACTION_ID,
  actionAdded,
  boardMeetingRecorded,
  OTHER_ACTION_ID,
  planCreated,
  progressNoteAdded,
  ragStatusChanged,
  themeAdded,
  recordedBy,
} from './plan-builders.js';

/*
 * A board pack built from a scripted history without the application: the same pure functions the
 * query handlers use (evolve, describeChange, diffPlans, trendInstants), folded here by hand.
 */

const unpack = (given: GivenEvent) =>
  'event' in given ? given : { event: given, context: { recordedAt: RECORDED_AT } };

/** The plan after every event recorded at or before the instant. */
export function planAt(history: readonly GivenEvent[], at: Date): Plan | undefined {
  return history
    .map(unpack)
    .filter(({ context }) => Date.parse(context.recordedAt) <= at.getTime())
    .reduce<Plan | undefined>((plan, { event, context }) => evolve(plan, event, context), undefined);
}

/** The changes recorded after `since`, up to and including `until`, described as the change log does. */
export function changesBetween(history: readonly GivenEvent[], since: Date, until: Date): PlanChange[] {
  let plan: Plan | undefined;
  const changes: PlanChange[] = [];
  history.map(unpack).forEach(({ event, context }, index) => {
    const next = evolve(plan, event, context);
    const at = Date.parse(context.recordedAt);
    if (at > since.getTime() && at <= until.getTime()) {
      const description = describeChange(event, plan, next);
      changes.push({
        ...description,
        ...changeTiming(context),
        planId: next.id,
        eventId: `event-${index}`,
        position: BigInt(index),
        version: next.version,
        correlationId: null,
      });
    }
    plan = next;
  });
  return changes;
}

export interface PackOptions {
  readonly asAt: string;
  /** True for a pack of the plan now; default: a pack as at a past point. */
  readonly isCurrent?: boolean;
  /** Start of "what changed" (exclusive); default: the plan as first recorded, as the query does. */
  readonly since?: string;
  readonly sinceBoardMeeting?: BoardMeeting | null;
  readonly boardMeeting?: BoardMeeting | null;
  readonly staleAfterDays?: number;
}

export function boardPackOf(history: readonly GivenEvent[], options: PackOptions): BoardPack {
  const asAt = new Date(options.asAt);
  const plan = planAt(history, asAt);
  if (!plan) throw new Error(`No plan at ${options.asAt}`);
  const since = new Date(options.since ?? plan.createdAt);
  const diff = diffPlans(planAt(history, since), plan, changesBetween(history, since, asAt));
  const trend = trendInstants(new Date(plan.createdAt), asAt, 'MONTH').map((at) => {
    const then = planAt(history, at);
    return {
      ...summariseRag(then ? activeActions(then).map((action) => action.rag) : []),
      at: at.toISOString(),
    };
  });
  return buildBoardPack({
    plan,
    asAt,
    isCurrent: options.isCurrent ?? false,
    boardMeeting: options.boardMeeting ?? null,
    changes: { since: since.toISOString(), sinceBoardMeeting: options.sinceBoardMeeting ?? null, diff },
    trend,
    staleAfterDays: options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS,
  });
}

const on = (recordedAt: string, ...events: PlanEvent[]): GivenEvent[] =>
  events.map((event) => recorded(event, { recordedAt, actor: recordedBy('Sam Patel') }));

export const APRIL_BOARD: BoardMeeting = {
  id: 'board-april',
  heldOn: '2024-04-09',
  title: 'April board',
  minutesUrl: null,
  recordedAt: '2024-04-09T09:00:00.000Z',
};
export const MAY_BOARD: BoardMeeting = {
  ...APRIL_BOARD,
  id: 'board-may',
  heldOn: '2024-05-14',
  title: 'May board',
  recordedAt: '2024-05-14T09:00:00.000Z',
};
/** The end of each board's UK (summer time) day. */
export const END_OF_APRIL_BOARD_DAY = '2024-04-09T22:59:59.999Z';
export const END_OF_MAY_BOARD_DAY = '2024-05-14T22:59:59.999Z';

const board = (meeting: BoardMeeting) =>
  boardMeetingRecorded({ meetingId: meeting.id, heldOn: meeting.heldOn, title: meeting.title });
const action = (actionId: string, data: Partial<ActionAdded['data']>) => actionAdded({ actionId, ...data });

/**
 * A plan between two boards. 1 April: themes 1 and 2; 1.1 (commencing Dec 2023, not rated), 1.2
 * (Mar 2024, amber), 1.10 (Mar, due by April 2024, amber, no owner), 2.1 (Mar, green). 9 April:
 * the April board. 15 April 1.1 → RED "Recruitment stalled"; 20 April → AMBER "Recruitment
 * restarted"; 22 April a note on 1.2; 1 May 2.2 added (commencing April, no owner, not rated);
 * 14 May the May board.
 */
export const BOARD_HISTORY: readonly GivenEvent[] = [
  ...on(
    '2024-04-01T08:00:00.000Z',
    planCreated({ title: 'Isle of Wight ILACS improvement plan', localAuthority: 'Isle of Wight Council' }),
    themeAdded(),
    themeAdded({ themeId: 'theme-2', number: 2, title: 'Pre-proceedings (PLO)' }),
    action(ACTION_ID, { ref: '1.1', commencing: '2023-12' }),
    action(OTHER_ACTION_ID, { ref: '1.2', commencing: '2024-03', rag: 'AMBER' }),
    action('action-1-10', { ref: '1.10', commencing: '2024-03', dueBy: '2024-04', rag: 'AMBER', owners: [] }),
    action('action-2-1', { ref: '2.1', themeId: 'theme-2', commencing: '2024-03', rag: 'GREEN' }),
  ),
  ...on('2024-04-09T09:00:00.000Z', board(APRIL_BOARD)),
  ...on(
    '2024-04-15T09:00:00.000Z',
    ragStatusChanged({ from: 'NOT_RATED', to: 'RED', reason: 'Recruitment stalled' }),
  ),
  ...on(
    '2024-04-20T09:00:00.000Z',
    ragStatusChanged({ from: 'RED', to: 'AMBER', reason: 'Recruitment restarted' }),
  ),
  ...on(
    '2024-04-22T09:00:00.000Z',
    progressNoteAdded({ actionId: OTHER_ACTION_ID, noteId: 'note-1-2', text: 'Workshops planned for May.' }),
  ),
  ...on(
    '2024-05-01T10:00:00.000Z',
    action('action-2-2', { ref: '2.2', themeId: 'theme-2', commencing: '2024-04', owners: [] }),
  ),
  ...on('2024-05-14T09:00:00.000Z', board(MAY_BOARD)),
];

/** The pack for the May board: as at the end of its day, changes since the April board. */
export const mayBoardPack = (history: readonly GivenEvent[] = BOARD_HISTORY, staleAfterDays?: number) =>
  boardPackOf(history, {
    asAt: END_OF_MAY_BOARD_DAY,
    since: END_OF_APRIL_BOARD_DAY,
    sinceBoardMeeting: APRIL_BOARD,
    boardMeeting: MAY_BOARD,
    ...(staleAfterDays ? { staleAfterDays } : {}),
  });
