import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { RequestContext } from '../../graphql/request-context.js';
import { RecordPlanChange } from '../commands/record-plan-change.command.js';
import type { PlanCommand } from '../domain/commands.js';
import type { Plan } from '../domain/plan.js';
import { PlanReads } from '../read-models/plan-reads.js';

/**
 * The API's edge of the write side: names the plan a change is for (an action's plan from the
 * index), records it, notes the position for the client's next read (any instance), and answers
 * the plan as recorded now (after a resent request: the plan the first one changed, as it is now).
 */
@Injectable()
export class PlanChangeRecorder {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reads: PlanReads,
  ) {}

  async record(
    planId: string,
    changes: PlanCommand | readonly PlanCommand[],
    context: RequestContext,
  ): Promise<Plan> {
    const recorded = await this.commandBus.execute(new RecordPlanChange(planId, changes, context));
    const { written } = context;
    if (written.position === undefined || recorded.position > written.position)
      written.position = recorded.position;
    return this.reads.current(recorded.planId);
  }

  /** A change to an action: NOT_FOUND on actionId when no plan holds it. */
  async recordForAction(
    change: PlanCommand & { readonly data: { readonly actionId: string } },
    context: RequestContext,
  ): Promise<Plan> {
    return this.record(await this.reads.planOfAction(change.data.actionId), change, context);
  }
}
