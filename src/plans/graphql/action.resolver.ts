import { randomUUID } from 'node:crypto';
import { Allow } from '../../auth/allow.decorator.js';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context.js';
import type { ActionCommand, RecordActionUpdate } from '../domain/commands.js';
import { idFromKey } from '../domain/idempotency.js';
import type { Action } from '../domain/plan.js';
import { PlanReads } from '../read-models/plan-reads.js';
import { PlanChangeRecorder } from './plan-change-recorder.js';
import {
  AddProgressNoteInput,
  AssignActionOwnersInput,
  ChangeRagStatusInput,
  RecordActionUpdateInput,
  RescheduleActionInput,
  ReviseActionDescriptionInput,
  WithdrawActionInput,
} from './action.inputs.js';
import { ImprovementAction } from './action.types.js';
import { AddActionInput } from './plan.inputs.js';
import { pointInTime } from './point-in-time.args.js';
import { DateTimeScalar } from './scalars.js';

/** GraphQL nulls mean "not given" to the domain. */
const given = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

@Resolver(() => ImprovementAction)
export class ActionResolver {
  constructor(
    private readonly recorder: PlanChangeRecorder,
    private readonly reads: PlanReads,
  ) {}

  @Allow('read', { action: 'id', timeTravel: ['asOf'] })
  @Query(() => ImprovementAction, {
    nullable: true,
    description: 'An action by id, withdrawn or not; with asOf, exactly as recorded at that instant.',
  })
  action(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', {
      type: () => DateTimeScalar,
      nullable: true,
      description:
        'Recorded time, inclusive: an instant, or a day meaning the end of that UK day (today: now). Not in the future.',
    })
    asOf?: string | null,
  ): Promise<Action | undefined> {
    return this.reads.action(id, pointInTime({ asOf }));
  }

  @Allow('administer', { plan: 'input.planId' })
  @Mutation(() => ImprovementAction)
  async addAction(@Args('input') input: AddActionInput, @Context() context: RequestContext): Promise<Action> {
    const actionId = idFromKey(context, 'actionId') ?? randomUUID();
    const data = { ...input, actionId, owners: input.owners ?? [], rag: given(input.rag) };
    const plan = await this.recorder.record(input.planId, { type: 'AddAction', data }, context);
    return plan.actions.get(actionId)!;
  }

  @Allow('editAction', { action: 'input.actionId' })
  @Mutation(() => ImprovementAction, { description: 'Changes the RAG status; a reason is required.' })
  changeRagStatus(@Args('input') input: ChangeRagStatusInput, @Context() context: RequestContext) {
    return this.change({ type: 'ChangeRagStatus', data: this.changeOf(input) }, context);
  }

  @Allow('editAction', { action: 'input.actionId' })
  @Mutation(() => ImprovementAction, { description: 'Adds a "progress and impact to date" note.' })
  addProgressNote(@Args('input') input: AddProgressNoteInput, @Context() context: RequestContext) {
    return this.change(
      { type: 'AddProgressNote', data: { ...this.changeOf(input), noteId: this.noteId(context) } },
      context,
    );
  }

  @Allow('editAction', { action: 'input.actionId' })
  @Mutation(() => ImprovementAction, {
    description:
      'The monthly update of an action in one step: a RAG change with its reason and/or a progress note, ' +
      'all recorded or none. Use it instead of changeRagStatus + addProgressNote in one request.',
  })
  recordActionUpdate(@Args('input') input: RecordActionUpdateInput, @Context() context: RequestContext) {
    const data = { ...this.changeOf(input), noteId: this.noteId(context) };
    return this.change({ type: 'RecordActionUpdate', data }, context);
  }

  @Allow('editAction', { action: 'input.actionId' })
  @Mutation(() => ImprovementAction, { description: 'Replaces the list of owners (roles or teams).' })
  assignActionOwners(@Args('input') input: AssignActionOwnersInput, @Context() context: RequestContext) {
    return this.change({ type: 'AssignActionOwners', data: this.changeOf(input) }, context);
  }

  @Allow('editAction', { action: 'input.actionId' })
  @Mutation(() => ImprovementAction, { description: 'Sets new commencing / due-by dates, with a reason.' })
  rescheduleAction(@Args('input') input: RescheduleActionInput, @Context() context: RequestContext) {
    return this.change({ type: 'RescheduleAction', data: this.changeOf(input) }, context);
  }

  @Allow('editAction', { action: 'input.actionId' })
  @Mutation(() => ImprovementAction, {
    description: 'Revises what the action says it will do, with a reason.',
  })
  reviseActionDescription(
    @Args('input') input: ReviseActionDescriptionInput,
    @Context() context: RequestContext,
  ) {
    return this.change({ type: 'ReviseActionDescription', data: this.changeOf(input) }, context);
  }

  @Allow('administer', { action: 'input.actionId' })
  @Mutation(() => ImprovementAction, { description: 'Takes the action out of the plan; its history stays.' })
  withdrawAction(@Args('input') input: WithdrawActionInput, @Context() context: RequestContext) {
    return this.change({ type: 'WithdrawAction', data: this.changeOf(input) }, context);
  }

  /**
   * New things get ids from the request's key when it has one, so a resend asks for exactly the
   * same change (and, after the key is forgotten, is refused as a duplicate rather than doubled).
   */
  private noteId(context: RequestContext): string {
    return idFromKey(context, 'noteId') ?? randomUUID();
  }

  private changeOf<T extends { expectedVersion?: number | null; effectiveDate?: string | null }>(input: T) {
    return {
      ...input,
      expectedVersion: given(input.expectedVersion),
      effectiveDate: given(input.effectiveDate),
    };
  }

  private async change(
    command: ActionCommand | RecordActionUpdate,
    context: RequestContext,
  ): Promise<Action> {
    // The action as recorded now; after a resent request, the action the first one changed.
    const plan = await this.recorder.recordForAction(command, context);
    return plan.actions.get(command.data.actionId)!;
  }
}
