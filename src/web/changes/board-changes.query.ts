import type { RagDirection } from '../../history/domain/plan-diff.js';
import type { RagStatus, RagSummary } from '../../plans/domain/rag.js';
import { EVIDENCE, RAG_COUNTS, type EvidenceAnswer } from '../graphql-fields.js';

const RECORDED = 'actor { name } recordedAt effectiveDate';
const SCHEDULE = 'commencing dueBy';
const MEETING = 'id title heldOn minutesUrl recordedAt';

/** The plan's meetings (to choose the period from) and what changed in the period, in one operation. */
export const BOARD_CHANGES = /* GraphQL */ `
  query BoardChanges($planId: ID!, $since: DateTime, $sinceBoardMeeting: ID, $untilBoardMeeting: ID) {
    plan(id: $planId) { id title createdAt boardMeetings { ${MEETING} } }
    planChanges(planId: $planId, since: $since, sinceBoardMeeting: $sinceBoardMeeting, untilBoardMeeting: $untilBoardMeeting) {
      since
      until
      sinceBoardMeeting { ${MEETING} }
      ragSummaryBefore { ${RAG_COUNTS} }
      ragSummaryAfter { ${RAG_COUNTS} }
      ragMovements { action { id ref } from to direction reason ${EVIDENCE} ${RECORDED} }
      netRagChanges { action { id ref } from to direction addedInPeriod movements { eventId } }
      newProgressNotes { action { id ref } note { text ${EVIDENCE} ${RECORDED} } }
      addedActions { id ref description rag }
      withdrawnActions { id ref description }
      ownerChanges { action { id ref } from to }
      descriptionChanges { action { id ref } from to }
      slippedActions {
        action { id ref description }
        from { ${SCHEDULE} }
        to { ${SCHEDULE} }
        daysSlipped
        reschedules { reason ${RECORDED} }
      }
    }
  }
`;

/** The plan alone: to show the choice of meetings again when the period asked for is refused. */
export const PLAN_MEETINGS = /* GraphQL */ `
  query PlanMeetings($planId: ID!) {
    plan(id: $planId) { id title createdAt boardMeetings { ${MEETING} } }
  }
`;

export interface Meeting {
  readonly id: string;
  readonly title: string;
  readonly heldOn: string;
  readonly minutesUrl: string | null;
  readonly recordedAt: string;
}

export interface ChangesPlan {
  readonly id: string;
  readonly title: string;
  readonly createdAt: string;
  readonly boardMeetings: readonly Meeting[];
}

export interface RecordedAnswer {
  readonly actor: { readonly name: string } | null;
  readonly recordedAt: string;
  readonly effectiveDate: string | null;
}

type ActionRef = { readonly action: { readonly id: string; readonly ref: string } };
type Schedule = { readonly commencing: string | null; readonly dueBy: string | null };

export interface PlanChangesAnswer {
  readonly since: string;
  readonly until: string;
  readonly sinceBoardMeeting: Meeting | null;
  readonly ragSummaryBefore: RagSummary;
  readonly ragSummaryAfter: RagSummary;
  readonly ragMovements: readonly (ActionRef &
    RecordedAnswer & {
      from: RagStatus;
      to: RagStatus;
      direction: RagDirection;
      reason: string;
      evidence: readonly EvidenceAnswer[];
    })[];
  readonly netRagChanges: readonly (ActionRef & {
    from: RagStatus;
    to: RagStatus;
    direction: RagDirection;
    addedInPeriod: boolean;
    movements: readonly unknown[];
  })[];
  readonly newProgressNotes: readonly (ActionRef & {
    note: RecordedAnswer & { text: string; evidence: readonly EvidenceAnswer[] };
  })[];
  readonly addedActions: readonly { id: string; ref: string; description: string; rag: RagStatus }[];
  readonly withdrawnActions: readonly { id: string; ref: string; description: string }[];
  readonly ownerChanges: readonly (ActionRef & { from: string[]; to: string[] })[];
  readonly descriptionChanges: readonly (ActionRef & { from: string; to: string })[];
  readonly slippedActions: readonly {
    action: { id: string; ref: string; description: string };
    from: Schedule;
    to: Schedule;
    daysSlipped: number | null;
    reschedules: readonly (RecordedAnswer & { reason: string })[];
  }[];
}
