import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Allow } from '../../auth/allow.decorator.js';
import type { RequestContext } from '../../graphql/request-context.js';
import type { Plan } from '../domain/plan.js';
import { RecordPlanChange } from '../commands/record-plan-change.command.js';
import { GetPlan } from '../read-models/plan.queries.js';
import { ImprovementPlan } from './plan.types.js';
import { RedactTextInput } from './redaction.inputs.js';

@Resolver()
export class RedactionResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Allow('redact', { plan: 'input.planId' })
  @Mutation(() => ImprovementPlan, {
    description:
      'Erases a note, reason or description that holds personal data by mistake (UK GDPR). The text ' +
      'can no longer be read from the store; answers, history, exports and board packs show who erased ' +
      'it, when and why instead, and the audit trail still verifies.',
  })
  async redactText(@Args('input') input: RedactTextInput, @Context() context: RequestContext): Promise<Plan> {
    const { planId } = await this.commandBus.execute(
      new RecordPlanChange({ type: 'RedactText', data: input }, context),
    );
    return (await this.queryBus.execute(new GetPlan(planId))) as Plan;
  }
}
