import { Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GetActionSlippage } from '../../history/read-models/action-slippage.query.js';
import type { Slippage } from '../../history/domain/slippage.js';
import { ukDate } from '../../plans/domain/plan-date.js';
import type { Action } from '../../plans/domain/plan.js';
import { ImprovementAction } from '../../plans/graphql/action.types.js';
import { DateScalar, PlanDateScalar } from '../../plans/graphql/scalars.js';
import { CLOCK, type Clock } from '../../shared/clock.js';
import { overdueness } from '../domain/overdue.js';

/**
 * What a board tracks about an action's dates, beside its RAG: how far it has slipped (derived from
 * its recorded changes, never stored) and whether it is overdue, by the board pack's own rule.
 */
@Resolver(() => ImprovementAction)
export class ActionScheduleResolver {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ResolveField(() => PlanDateScalar, {
    nullable: true,
    description: 'The commencing date it was added with.',
  })
  async originalCommencing(@Parent() action: Action): Promise<string | null> {
    return (await this.slippage(action)).originalCommencing;
  }

  @ResolveField(() => PlanDateScalar, { nullable: true, description: 'The due-by date it was added with.' })
  async originalDueBy(@Parent() action: Action): Promise<string | null> {
    return (await this.slippage(action)).originalDueBy;
  }

  @ResolveField(() => Int, { description: 'How many times its dates were changed since it was added.' })
  async rescheduleCount(@Parent() action: Action): Promise<number> {
    return (await this.slippage(action)).rescheduleCount;
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'Days from the last day of the original due-by date to the last day of the current one (a month ' +
      'counts to its last day; later is positive, earlier negative). Without a due-by date then and now, ' +
      'the commencing dates compared the same way; null when neither can be compared.',
  })
  async daysSlipped(@Parent() action: Action): Promise<number | null> {
    return (await this.slippage(action)).daysSlipped;
  }

  @ResolveField(() => Boolean, {
    description:
      'Overdue by the board pack’s rule: not Green or Blue and past its due-by date; or, with no due-by ' +
      'date, past its commencing month while still Not rated or Red. A withdrawn action never is.',
  })
  overdue(
    @Parent() action: Action,
    @Args('on', {
      type: () => DateScalar,
      nullable: true,
      description:
        'The UK day to judge on (for an action read as of a past point, give that day). Default: today.',
    })
    on?: string | null,
  ): boolean {
    return overdueness(action, on ?? ukDate(this.clock().toISOString())) !== null;
  }

  private slippage(action: Action): Promise<Slippage> {
    return this.queryBus.execute(new GetActionSlippage(action));
  }
}
