import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Allow } from '../../auth/allow.decorator.js';
import type { RequestContext } from '../../graphql/request-context.js';
import type { Plan } from '../domain/plan.js';
import { PlanChangeRecorder } from './plan-change-recorder.js';
import { ImprovementPlan } from './plan.types.js';
import { RedactTextInput } from './redaction.inputs.js';

@Resolver()
export class RedactionResolver {
  constructor(private readonly recorder: PlanChangeRecorder) {}

  @Allow('redact', { plan: 'input.planId' })
  @Mutation(() => ImprovementPlan, {
    description:
      'Erases a note, reason or description that holds personal data by mistake (UK GDPR). The text ' +
      'can no longer be read from the store; answers, history, exports and board packs show who erased ' +
      'it, when and why instead, and the audit trail still verifies.',
  })
  async redactText(@Args('input') input: RedactTextInput, @Context() context: RequestContext): Promise<Plan> {
    return this.recorder.record(input.planId, { type: 'RedactText', data: input }, context);
  }
}
