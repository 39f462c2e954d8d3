import { randomUUID } from 'node:crypto';
import { Allow } from '../../auth/allow.decorator.js';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { RequestContext } from '../../graphql/request-context.js';
import { RecordPlanChange } from '../commands/record-plan-change.command.js';
import { idFromKey } from '../domain/idempotency.js';
import { GetPlan } from '../read-models/plan.queries.js';
import { AddThemeInput, ReviseThemeInput } from './plan.inputs.js';
import { Theme } from './plan.types.js';
import { themeView } from './theme.view.js';

@Resolver(() => Theme)
export class ThemeResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Allow('administer', { plan: 'input.planId' })
  @Mutation(() => Theme, { description: "Corrects a theme's heading or prose, with a reason." })
  async reviseTheme(
    @Args('input') input: ReviseThemeInput,
    @Context() context: RequestContext,
  ): Promise<Theme> {
    const change = new RecordPlanChange({ type: 'ReviseTheme', data: input }, context);
    const { planId } = await this.commandBus.execute(change);
    const plan = await this.queryBus.execute(new GetPlan(planId));
    return themeView(plan!, input.themeId)!;
  }

  @Allow('administer', { plan: 'input.planId' })
  @Mutation(() => Theme, { description: 'Adds an area for improvement to the plan.' })
  async addTheme(@Args('input') input: AddThemeInput, @Context() context: RequestContext): Promise<Theme> {
    const themeId = idFromKey(context, 'themeId') ?? randomUUID();
    const change = new RecordPlanChange({ type: 'AddTheme', data: { ...input, themeId } }, context);
    const { planId } = await this.commandBus.execute(change);
    const plan = await this.queryBus.execute(new GetPlan(planId));
    return themeView(plan!, themeId)!;
  }
}
