import { randomUUID } from 'node:crypto';
import { Allow } from '../../auth/allow.decorator.js';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context.js';
import { idFromKey } from '../domain/idempotency.js';
import type { BoardMeeting as Meeting } from '../domain/plan.js';
import { PlanChangeRecorder } from './plan-change-recorder.js';
import { RecordBoardMeetingInput } from './plan.inputs.js';
import { BoardMeeting } from './plan.types.js';

@Resolver(() => BoardMeeting)
export class BoardMeetingResolver {
  constructor(private readonly recorder: PlanChangeRecorder) {}

  @Allow('administer', { plan: 'input.planId' })
  @Mutation(() => BoardMeeting, {
    description:
      'Records that the improvement board reviewed the plan on a day: an "as at" point for reports.',
  })
  async recordBoardMeeting(
    @Args('input') input: RecordBoardMeetingInput,
    @Context() context: RequestContext,
  ): Promise<Meeting> {
    // The same id on a resend with the same key, so the answer is the meeting first recorded.
    const meetingId = idFromKey(context, 'meetingId') ?? randomUUID();
    const change = { type: 'RecordBoardMeeting', data: { ...input, meetingId } } as const;
    const plan = await this.recorder.record(input.planId, change, context);
    return plan.boardMeetings.find((meeting) => meeting.id === meetingId)!;
  }
}
