import { randomUUID } from 'node:crypto';
import type { EventStore } from '../src/event-store/event-store.port.js';
import type { PlanEvent } from '../src/plans/domain/events.js';
import { RAG_STATUSES, type RagStatus } from '../src/plans/domain/rag.js';
import { planStream, toNewEvents } from '../src/plans/plan-stream.js';

export interface LargePlan {
  readonly planId: string;
  readonly actionIds: string[];
  readonly firstRecordedAt: number;
  readonly lastRecordedAt: number;
}

const MINUTE = 60_000;

/** The free texts the plan records, by event index: short and repetitive unless a bench says otherwise. */
export interface LargePlanTexts {
  readonly description: (index: number) => string;
  readonly reason: (index: number) => string;
  readonly note: (index: number) => string;
}

const PLAIN_TEXTS: LargePlanTexts = {
  description: () => 'An action',
  reason: () => 'Reviewed',
  note: (index) => `Progress note ${index}`,
};

/**
 * A plan of `actions` actions in 10 themes, grown to `events` events by RAG changes, notes and
 * owner changes recorded a minute apart: the "large plan" of the history requirement.
 */
export async function writeLargePlan(
  store: EventStore,
  actions: number,
  events: number,
  texts: LargePlanTexts = PLAIN_TEXTS,
): Promise<LargePlan> {
  const planId = randomUUID();
  const themeIds = Array.from({ length: 10 }, () => randomUUID());
  const actionIds = Array.from({ length: actions }, () => randomUUID());
  const rag = new Map<string, RagStatus>(actionIds.map((id) => [id, 'NOT_RATED']));
  const history: PlanEvent[] = [
    { type: 'PlanCreated', data: { planId, title: 'Large plan', localAuthority: null, inspection: null } },
    ...themeIds.map((themeId, index): PlanEvent => {
      const theme = { whatNeedsToImprove: 'Text', inspectorFindings: 'Text' };
      return {
        type: 'ThemeAdded',
        data: { planId, themeId, number: index + 1, title: `Theme ${index + 1}`, ...theme },
      };
    }),
    ...actionIds.map((actionId, index): PlanEvent => {
      const schedule = { commencing: '2024-01', dueBy: null, rag: 'NOT_RATED' as const };
      const data = { planId, actionId, themeId: themeIds[index % 10]!, ref: `${(index % 10) + 1}.${index}` };
      return {
        type: 'ActionAdded',
        data: { ...data, description: texts.description(index), owners: ['Team Managers'], ...schedule },
      };
    }),
  ];
  for (let index = history.length; index < events; index += 1) {
    const actionId = actionIds[index % actions]!;
    const kind = index % 3;
    if (kind === 0) {
      const from = rag.get(actionId)!;
      const to = RAG_STATUSES.filter((status) => status !== from && status !== 'NOT_RATED')[index % 3]!;
      rag.set(actionId, to);
      const reason = texts.reason(index);
      history.push({ type: 'RagStatusChanged', data: { planId, actionId, from, to, reason } });
    } else if (kind === 1) {
      const note = { noteId: randomUUID(), text: texts.note(index), personalDataAcknowledged: false };
      history.push({ type: 'ProgressNoteAdded', data: { planId, actionId, ...note } });
    } else {
      history.push({ type: 'ActionOwnersAssigned', data: { planId, actionId, owners: [`Owner ${index}`] } });
    }
  }
  const firstRecordedAt = Date.parse('2024-01-01T09:00:00Z');
  for (let start = 0; start < history.length; start += 500) {
    const batch = history.slice(start, start + 500).flatMap((event, offset) => {
      const recordedAt = new Date(firstRecordedAt + (start + offset) * MINUTE).toISOString();
      const context = { correlationId: 'bench', causationId: 'bench', recordedAt };
      return toNewEvents([event], context, randomUUID);
    });
    await store.append(planStream(planId), batch, start === 0 ? 'no_stream' : start - 1);
  }
  return {
    planId,
    actionIds,
    firstRecordedAt,
    lastRecordedAt: firstRecordedAt + (history.length - 1) * MINUTE,
  };
}
