import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../../auth/allow.decorator.js';
import type { PlanVerification } from '../audit-trail.js';
import { VerifyAuditTrail } from '../verify-audit-trail.query.js';
import { AuditTrailVerification } from './audit-trail.types.js';

@Resolver()
export class AuditTrailResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Allow('verify', { plan: 'planId' })
  @Query(() => AuditTrailVerification, {
    description: 'Checks the hash chain of the plan’s recorded events (AUDITOR, ADMIN).',
  })
  verifyAuditTrail(@Args('planId', { type: () => ID }) planId: string): Promise<PlanVerification> {
    return this.queryBus.execute(new VerifyAuditTrail(planId));
  }
}
