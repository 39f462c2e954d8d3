import { randomUUID } from 'node:crypto';
import { Allow, AS_OF_ARGUMENTS } from '../../auth/allow.decorator.js';
import { seesAuthority } from '../../auth/domain/permissions.js';
import {
  Args,
  Context,
  ID,
  Info,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../graphql/request-context.js';
import { idFromKey } from '../domain/idempotency.js';
import { isOwnedBy } from '../domain/owner-roles.js';
import { activeActions, type Action, type Plan } from '../domain/plan.js';
import { summariseRag, type RagStatus, type RagSummary as RagCounts } from '../domain/rag.js';
import type { PlanAt } from '../read-models/plan-at.js';
import { PlanReads } from '../read-models/plan-reads.js';
import { PlanChangeRecorder } from './plan-change-recorder.js';
import { plansListed } from './plans-listed.js';
import { pointInTime } from './point-in-time.args.js';
import { DateScalar, DateTimeScalar } from './scalars.js';
import { themeView } from './theme.view.js';
import { ImprovementAction } from './action.types.js';
import { RagStatusEnum } from './enums.js';
import { ApprovePlanInput, ClosePlanInput, CreatePlanInput } from './plan.inputs.js';
import { ImprovementPlan, RagSummary, Theme } from './plan.types.js';

@Resolver(() => ImprovementPlan)
export class PlanResolver {
  constructor(
    private readonly recorder: PlanChangeRecorder,
    private readonly reads: PlanReads,
  ) {}

  @Allow('read')
  @Query(() => [ImprovementPlan], { description: 'Every plan you may see, newest first.' })
  async plans(@Context() { actor }: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Plan[]> {
    const visible = this.reads.list().filter((plan) => actor && seesAuthority(actor, plan.localAuthority));
    return plansListed(visible, info, (planId) => this.reads.current(planId));
  }

  @Allow('read', { plan: 'id', timeTravel: [...AS_OF_ARGUMENTS, 'effectiveOn'] })
  @Query(() => ImprovementPlan, {
    nullable: true,
    description:
      'A plan now, or exactly as recorded at a past instant, board meeting or version (at most one). ' +
      'With effectiveOn, the plan as it stood in effect on that day according to what had been recorded ' +
      'by then (default now): the events recorded by that point whose effective day (their effectiveDate, ' +
      'else the UK day they were recorded) is on or before effectiveOn, folded in recorded order; a change ' +
      'to an action not yet in effect that day is left out with it.',
  })
  async plan(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', {
      type: () => DateTimeScalar,
      nullable: true,
      description:
        'Recorded time, inclusive: an instant, or a day meaning the end of that UK day (today: now). Not in the future.',
    })
    asOf?: string | null,
    @Args('asOfBoardMeeting', {
      type: () => ID,
      nullable: true,
      description: 'As at the end of the (UK) day the board met (now, for a meeting held today).',
    })
    asOfBoardMeeting?: string | null,
    @Args('asOfVersion', {
      type: () => Int,
      nullable: true,
      description: 'After this many events, from 1 to the current version.',
    })
    asOfVersion?: number | null,
    @Args('effectiveOn', {
      type: () => DateScalar,
      nullable: true,
      description: 'A day, not after today: the plan in effect then (bitemporal, with any asOf argument).',
    })
    effectiveOn?: string | null,
  ): Promise<PlanAt | undefined> {
    const at = pointInTime({ asOf, asOfBoardMeeting, asOfVersion });
    if (!(await this.reads.find(id))) return undefined;
    return this.reads.at(id, at, effectiveOn ?? undefined, 'id');
  }

  @Allow('administer')
  @Mutation(() => ImprovementPlan, {
    description: "A new plan; localAuthority defaults to the signed-in user's own, when they have one.",
  })
  createPlan(@Args('input') input: CreatePlanInput, @Context() context: RequestContext): Promise<Plan> {
    const { title, localAuthority, inspection, effectiveDate } = input;
    const data = {
      // With a key, a resent createPlan names the same plan: its stream exists, so it is not made twice.
      planId: idFromKey(context, 'planId') ?? randomUUID(),
      title,
      localAuthority: localAuthority ?? context.actor?.localAuthority ?? null,
      inspection: inspection && { judgement: null, ...inspection },
      effectiveDate,
    };
    return this.recorder.record(data.planId, { type: 'CreatePlan', data }, context);
  }

  @Allow('administer', { plan: 'input.planId' })
  @Mutation(() => ImprovementPlan, { description: 'Moves a draft plan to approved.' })
  approvePlan(@Args('input') input: ApprovePlanInput, @Context() context: RequestContext): Promise<Plan> {
    return this.recorder.record(input.planId, { type: 'ApprovePlan', data: input }, context);
  }

  @Allow('administer', { plan: 'input.planId' })
  @Mutation(() => ImprovementPlan, { description: 'Closes the plan: nothing in it can change afterwards.' })
  closePlan(@Args('input') input: ClosePlanInput, @Context() context: RequestContext): Promise<Plan> {
    return this.recorder.record(input.planId, { type: 'ClosePlan', data: input }, context);
  }

  @ResolveField(() => [Theme])
  themes(@Parent() plan: Plan): Theme[] {
    return plan.themes.map((theme) => themeView(plan, theme.id)!);
  }

  @ResolveField(() => [ImprovementAction], { description: 'Actions in the order they were added, filtered.' })
  actions(
    @Parent() plan: Plan,
    @Args('rag', { type: () => RagStatusEnum, nullable: true }) rag?: RagStatus,
    @Args('owner', {
      nullable: true,
      description:
        'An owner role or team; case and punctuation aside, and by any alias on the plan’s list of owner roles.',
    })
    owner?: string,
    @Args('themeId', { type: () => ID, nullable: true }) themeId?: string,
    @Args('unassigned', { nullable: true, description: 'true: only actions with no owner.' })
    unassigned?: boolean,
    @Args('includeWithdrawn', { defaultValue: false }) includeWithdrawn?: boolean,
  ): Action[] {
    const wanted = owner?.trim();
    return [...plan.actions.values()].filter(
      (action) =>
        (includeWithdrawn || !action.withdrawn) &&
        (rag === undefined || rag === null || action.rag === rag) &&
        (!themeId || action.themeId === themeId) &&
        (!wanted || isOwnedBy(plan.ownerRoles, wanted, action.owners)) &&
        (unassigned === undefined || unassigned === null || (action.owners.length === 0) === unassigned),
    );
  }

  @ResolveField(() => RagSummary, { description: 'RAG counts of the actions not withdrawn.' })
  ragSummary(@Parent() plan: Plan): RagCounts {
    return summariseRag(activeActions(plan).map((action) => action.rag));
  }
}
