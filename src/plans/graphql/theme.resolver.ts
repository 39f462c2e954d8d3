import { randomUUID } from 'node:crypto';
import { Allow } from '../../auth/allow.decorator.js';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context.js';
import { idFromKey } from '../domain/idempotency.js';
import { PlanChangeRecorder } from './plan-change-recorder.js';
import { AddThemeInput, ReviseThemeInput } from './plan.inputs.js';
import { Theme } from './plan.types.js';
import { themeView } from './theme.view.js';

@Resolver(() => Theme)
export class ThemeResolver {
  constructor(private readonly recorder: PlanChangeRecorder) {}

  @Allow('administer', { plan: 'input.planId' })
  @Mutation(() => Theme, { description: "Corrects a theme's heading or prose, with a reason." })
  async reviseTheme(
    @Args('input') input: ReviseThemeInput,
    @Context() context: RequestContext,
  ): Promise<Theme> {
    const plan = await this.recorder.record(input.planId, { type: 'ReviseTheme', data: input }, context);
    return themeView(plan, input.themeId)!;
  }

  @Allow('administer', { plan: 'input.planId' })
  @Mutation(() => Theme, { description: 'Adds an area for improvement to the plan.' })
  async addTheme(@Args('input') input: AddThemeInput, @Context() context: RequestContext): Promise<Theme> {
    const themeId = idFromKey(context, 'themeId') ?? randomUUID();
    const change = { type: 'AddTheme', data: { ...input, themeId } } as const;
    return themeView(await this.recorder.record(input.planId, change, context), themeId)!;
  }
}
