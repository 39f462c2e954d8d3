import { Module } from '@nestjs/common';
import { GetAuditTrailHeadHandler } from './audit-trail-head.query.js';
import { AuditTrail } from './audit-trail.js';
import { AuditTrailResolver } from './graphql/audit-trail.resolver.js';
import { VerifyAuditTrailHandler } from './verify-audit-trail.query.js';

/**
 * Tamper evidence: checks the hash chain the ChainedEventStore writes (see EventStoreModule), for
 * the API, the board pack's head hash and `npm run verify`.
 */
@Module({
  providers: [AuditTrail, VerifyAuditTrailHandler, GetAuditTrailHeadHandler, AuditTrailResolver],
  exports: [AuditTrail],
})
export class AuditModule {}
