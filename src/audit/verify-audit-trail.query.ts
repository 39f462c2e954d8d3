import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { noSuchPlan } from '../plans/domain/errors.js';
import { AuditTrail, type PlanVerification } from './audit-trail.js';

/** Is the plan's event log as it was recorded? (Its hash chain, recomputed from the first event.) */
export class VerifyAuditTrail extends Query<PlanVerification> {
  constructor(readonly planId: string) {
    super();
  }
}

@QueryHandler(VerifyAuditTrail)
export class VerifyAuditTrailHandler implements IQueryHandler<VerifyAuditTrail> {
  constructor(private readonly auditTrail: AuditTrail) {}

  async execute({ planId }: VerifyAuditTrail): Promise<PlanVerification> {
    const verification = await this.auditTrail.verifyPlan(planId);
    if (!verification) throw noSuchPlan();
    return verification;
  }
}
