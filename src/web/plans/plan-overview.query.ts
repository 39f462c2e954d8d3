import type { PlanStatus } from '../../plans/domain/plan.js';
import type { RagStatus, RagSummary } from '../../plans/domain/rag.js';
import type { Inspection } from '../../plans/domain/events.js';
import { RAG_COUNTS } from '../graphql-fields.js';

/**
 * The whole overview in one operation: the plan (now or as at a point), every action with what the
 * table shows, the ids the API's own filters keep (RAG, owner with its aliases, theme, unassigned),
 * and the board meetings recorded by now for the as-at control.
 */
export const PLAN_OVERVIEW = /* GraphQL */ `
  query PlanOverview(
    $id: ID!
    $asOf: DateTime
    $asOfBoardMeeting: ID
    $on: Date
    $rag: RagStatus
    $owner: String
    $themeId: ID
    $unassigned: Boolean
  ) {
    plan(id: $id, asOf: $asOf, asOfBoardMeeting: $asOfBoardMeeting) {
      id
      title
      status
      localAuthority
      asOf
      inspection {
        inspectorate
        framework
        startDate
        endDate
        judgement
      }
      ragSummary { ${RAG_COUNTS} }
      ownerRoles {
        name
      }
      themes {
        id
        number
        title
      }
      actions {
        id
        themeId
        ref
        description
        owners
        commencing
        dueBy
        rag
        createdAt
        overdue(on: $on)
        progressNotes {
          text
          recordedAt
        }
      }
      matching: actions(rag: $rag, owner: $owner, themeId: $themeId, unassigned: $unassigned) {
        id
      }
    }
    now: plan(id: $id) {
      boardMeetings {
        id
        heldOn
        title
      }
    }
  }
`;

/** Only what the as-at control needs, when the point asked for cannot be shown. */
export const PLAN_HEADING = /* GraphQL */ `
  query PlanHeading($id: ID!) {
    plan(id: $id) {
      id
      title
      status
      localAuthority
      boardMeetings {
        id
        heldOn
        title
      }
    }
  }
`;

export interface BoardMeetingItem {
  readonly id: string;
  readonly heldOn: string;
  readonly title: string;
}

export interface OverviewAction {
  readonly id: string;
  readonly themeId: string;
  readonly ref: string;
  readonly description: string;
  readonly owners: readonly string[];
  readonly commencing: string | null;
  readonly dueBy: string | null;
  readonly rag: RagStatus;
  readonly createdAt: string;
  readonly overdue: boolean;
  readonly progressNotes: readonly { readonly text: string; readonly recordedAt: string }[];
}

export interface OverviewPlan {
  readonly id: string;
  readonly title: string;
  readonly status: PlanStatus;
  readonly localAuthority: string | null;
  readonly asOf: string | null;
  readonly inspection: Inspection | null;
  readonly ragSummary: RagSummary;
  readonly ownerRoles: readonly { readonly name: string }[];
  readonly themes: readonly { readonly id: string; readonly number: number; readonly title: string | null }[];
  readonly actions: readonly OverviewAction[];
  readonly matching: readonly { readonly id: string }[];
}

export interface PlanOverviewAnswer {
  readonly plan: OverviewPlan | null;
  readonly now: { readonly boardMeetings: readonly BoardMeetingItem[] } | null;
}

export interface PlanHeadingAnswer {
  readonly plan:
    | (Pick<OverviewPlan, 'id' | 'title' | 'status' | 'localAuthority'> & {
        readonly boardMeetings: readonly BoardMeetingItem[];
      })
    | null;
}
