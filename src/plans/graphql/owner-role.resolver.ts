import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../../auth/allow.decorator.js';
import type { RequestContext } from '../../graphql/request-context.js';
import { roleOwns } from '../domain/owner-roles.js';
import { activeActions, type Plan } from '../domain/plan.js';
import { PlanChangeRecorder } from './plan-change-recorder.js';
import { ListOwnerRoleInput, OwnerRole, RetireOwnerRoleInput } from './owner-role.types.js';
import { ImprovementPlan } from './plan.types.js';

/** The plan's list of owner roles: kept by an ADMIN, read by everyone who reads the plan. */
@Resolver(() => ImprovementPlan)
export class OwnerRoleResolver {
  constructor(private readonly recorder: PlanChangeRecorder) {}

  @ResolveField(() => [OwnerRole], {
    description:
      'The plan’s list of owner roles, in the order listed; empty: no list, any owner name is accepted.',
  })
  ownerRoles(@Parent() plan: Plan): OwnerRole[] {
    const actions = activeActions(plan);
    return plan.ownerRoles.map((role) => ({
      name: role.name,
      aliases: [...role.aliases],
      actionCount: actions.filter((action) => roleOwns(role, action.owners)).length,
    }));
  }

  @Allow('administer', { plan: 'input.planId' })
  @Mutation(() => ImprovementPlan, {
    description:
      'Adds a role to the plan’s list of owner roles, or replaces the spelling and aliases of a listed one. ' +
      'Once a plan has a list, owners are mapped through it and a name not on it is refused, in the API and in imports.',
  })
  listOwnerRole(@Args('input') input: ListOwnerRoleInput, @Context() context: RequestContext): Promise<Plan> {
    return this.recorder.record(input.planId, { type: 'ListOwnerRole', data: input }, context);
  }

  @Allow('administer', { plan: 'input.planId' })
  @Mutation(() => ImprovementPlan, {
    description:
      'Takes a role off the plan’s list; refused while an action still in the plan is owned by it.',
  })
  retireOwnerRole(
    @Args('input') input: RetireOwnerRoleInput,
    @Context() context: RequestContext,
  ): Promise<Plan> {
    return this.recorder.record(input.planId, { type: 'RetireOwnerRole', data: input }, context);
  }
}
