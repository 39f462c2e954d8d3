import { randomUUID } from 'node:crypto';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { RequestContext } from '../../graphql/request-context.js';
import type { Action, Plan } from '../domain/plan.js';
import { RecordPlanChange } from '../commands/record-plan-change.command.js';
import { GetPlan } from '../read-models/plan.queries.js';
import { ImprovementAction } from './action.types.js';
import { AddThemeInput } from './plan.inputs.js';
import { Theme } from './plan.types.js';

@Resolver(() => Theme)
export class ThemeResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Mutation(() => Theme, { description: 'Adds an area for improvement to the plan.' })
  async addTheme(@Args('input') input: AddThemeInput, @Context() context: RequestContext): Promise<Theme> {
    const themeId = randomUUID();
    const { planId } = await this.commandBus.execute(
      new RecordPlanChange({ type: 'AddTheme', data: { ...input, themeId } }, context),
    );
    const plan = (await this.queryBus.execute(new GetPlan(planId))) as Plan;
    return { ...plan.themes.find((theme) => theme.id === themeId)!, planId };
  }

  @ResolveField(() => [ImprovementAction], { description: 'The theme’s actions, withdrawn ones left out.' })
  async actions(@Parent() theme: Theme): Promise<Action[]> {
    const plan = (await this.queryBus.execute(new GetPlan(theme.planId))) as Plan | undefined;
    return [...(plan?.actions.values() ?? [])].filter(
      (action) => action.themeId === theme.id && !action.withdrawn,
    );
  }
}
