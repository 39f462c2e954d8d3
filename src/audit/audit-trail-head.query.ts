import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AuditTrail } from './audit-trail.js';

/**
 * The plan's audit-trail head hash once it had `version` events: printed in a board pack, so that
 * a board that minutes it can later show the history up to then was not rewritten.
 */
export class GetAuditTrailHead extends Query<string> {
  constructor(
    readonly planId: string,
    readonly version: number,
  ) {
    super();
  }
}

@QueryHandler(GetAuditTrailHead)
export class GetAuditTrailHeadHandler implements IQueryHandler<GetAuditTrailHead> {
  constructor(private readonly auditTrail: AuditTrail) {}

  execute({ planId, version }: GetAuditTrailHead): Promise<string> {
    return this.auditTrail.headAt(planId, version);
  }
}
