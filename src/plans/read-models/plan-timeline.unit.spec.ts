import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  actionAdded,
  actionDescriptionRevised,
  actionOwnersAssigned,
  actionRescheduled,
  actionWithdrawn,
  boardMeetingRecorded,
  PLAN_ID,
  planApproved,
  planCreated,
  progressNoteAdded,
  ragStatusChanged,
  themeAdded,
  recordedBy,
} from '../../../test/support/plan-builders.js';
import type { RecordedEvent } from '../../event-store/event-store.port.js';
import type { ChangeContext, PlanEvent } from '../domain/events.js';
import { evolve, type Plan } from '../domain/plan.js';
import type { RagStatus } from '../domain/rag.js';
import { planStream } from '../plan-stream.js';
import { LoadedPlan } from './loaded-plan.js';
import { PlanTimeline } from './plan-timeline.js';

const EVENTS = 200;
const START = Date.parse('2024-03-01T09:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const RAGS: RagStatus[] = ['RED', 'AMBER', 'GREEN', 'BLUE'];
const ACTIONS = ['1.1', '1.2', '1.4', '2.1', '4.3'];

/** A realistic history: five actions changed in turn; every fifth event shares its instant with the one before. */
function history(): { event: PlanEvent; context: ChangeContext }[] {
  const events: PlanEvent[] = [planCreated(), themeAdded(), planApproved()];
  ACTIONS.forEach((ref) => events.push(actionAdded({ actionId: `action-${ref}`, ref })));
  const rags = new Map(ACTIONS.map((ref) => [ref, 'NOT_RATED' as RagStatus]));
  for (let step = 0; events.length < EVENTS - 1; step += 1) {
    const ref = ACTIONS[step % ACTIONS.length]!;
    const actionId = `action-${ref}`;
    const changes: (() => PlanEvent)[] = [
      () => {
        const from = rags.get(ref)!;
        const to = RAGS[(RAGS.indexOf(from) + 1) % RAGS.length]!;
        rags.set(ref, to);
        return ragStatusChanged({ actionId, from, to, reason: `Reviewed (${step})` });
      },
      () => progressNoteAdded({ actionId, noteId: `note-${step}`, text: `Progress ${step}.` }),
      () => actionOwnersAssigned([`Owner ${step}`], actionId),
      () => actionRescheduled({ actionId, dueBy: `2024-${String((step % 12) + 1).padStart(2, '0')}` }),
      () => actionDescriptionRevised({ actionId, description: `Description ${step}` }),
      () => boardMeetingRecorded({ meetingId: `board-${step}`, heldOn: `2024-0${(step % 9) + 1}-15` }),
    ];
    events.push(changes[step % changes.length]!());
  }
  events.push(actionWithdrawn({ actionId: 'action-4.3' }));
  let at = START;
  return events.map((event, index) => {
    if (index > 0 && index % 5 !== 0) at += HOUR;
    return {
      event,
      context: { recordedAt: new Date(at).toISOString(), actor: recordedBy(`User ${index % 3}`) },
    };
  });
}

function recordedEvent({ event, context }: { event: PlanEvent; context: ChangeContext }, index: number) {
  const recorded: RecordedEvent = {
    id: `event-${index}`,
    type: event.type,
    data: event.data,
    metadata: { correlationId: `c-${index}`, causationId: `k-${index}`, schemaVersion: 1, ...context },
    stream: planStream(PLAN_ID),
    revision: index,
    position: BigInt(index + 1),
  };
  return recorded;
}

describe('a plan timeline', () => {
  const events = history();
  const loaded = new LoadedPlan(PLAN_ID, []);
  const timeline = loaded.timeline;
  /** folded[n] is the plan after its first n events, folded from scratch with evolve. */
  const folded: (Plan | undefined)[] = [undefined];
  const instant = (index: number) => new Date(events[index]!.context.recordedAt);

  beforeAll(() => {
    events.forEach((event, index) => loaded.apply(recordedEvent(event, index)));
    // As stored: each event with its id, as the read model folds it.
    events.forEach(({ event, context }, index) =>
      folded.push(evolve(folded[index], event, { ...context, eventId: `event-${index}` })),
    );
  });

  it('holds the 200 events of the history', () => {
    expect(events).toHaveLength(EVENTS);
    expect(timeline.version).toBe(EVENTS);
  });

  it('gives the plan after its first N events for every N, across snapshot boundaries', () => {
    for (let version = 0; version <= EVENTS; version += 1) {
      expect({ version, plan: timeline.stateAtVersion(version) }).toEqual({ version, plan: folded[version] });
    }
  });

  it('gives nothing before version 1, and the current plan beyond the last version', () => {
    expect(timeline.stateAtVersion(-1)).toBeUndefined();
    expect(timeline.stateAtVersion(EVENTS + 50)).toEqual(folded[EVENTS]);
  });

  it('includes every event recorded exactly at the instant, and none recorded after it', () => {
    for (let index = 0; index < EVENTS; index += 1) {
      const at = instant(index);
      const recordedBy = events.filter(
        (entry) => Date.parse(entry.context.recordedAt) <= at.getTime(),
      ).length;
      expect({ index, version: timeline.versionAt(at) }).toEqual({ index, version: recordedBy });
      expect({ index, plan: timeline.stateAt(at) }).toEqual({ index, plan: folded[recordedBy] });
    }
  });

  it('gives the plan before an instant one millisecond before a change', () => {
    for (let index = 1; index < EVENTS; index += 1) {
      const justBefore = new Date(instant(index).getTime() - 1);
      const recordedBy = events.filter(
        (entry) => Date.parse(entry.context.recordedAt) < instant(index).getTime(),
      ).length;
      expect({ index, plan: timeline.stateAt(justBefore) }).toEqual({ index, plan: folded[recordedBy] });
    }
  });

  it('gives nothing before the first event, and the current plan long after the last', () => {
    expect(timeline.versionAt(new Date(START - 1))).toBe(0);
    expect(timeline.stateAt(new Date(START - 1))).toBeUndefined();
    expect(timeline.stateAt(new Date('2030-01-01T00:00:00.000Z'))).toEqual(folded[EVENTS]);
  });

  it('knows when each version was recorded', () => {
    expect(timeline.recordedAtOf(1)).toBe(events[0]!.context.recordedAt);
    expect(timeline.recordedAtOf(EVENTS)).toBe(events[EVENTS - 1]!.context.recordedAt);
  });

  it('is empty before any event', () => {
    const empty = new PlanTimeline();
    expect(empty.version).toBe(0);
    expect(empty.versionAt(new Date(START))).toBe(0);
    expect(empty.stateAt(new Date(START))).toBeUndefined();
    expect(empty.stateAtVersion(5)).toBeUndefined();
  });
});
