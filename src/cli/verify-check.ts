import { NO_SUCH_PLAN } from '../plans/domain/errors.js';
import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../audit/audit.module.js';
import { AuditTrail } from '../audit/audit-trail.js';
import type { AppConfig } from '../config.js';
import { EventStoreModule } from '../event-store/event-store.module.js';
import { complain, say } from './run-command.js';
import type { VerifyArguments } from './verify-args.js';
import { recordedHeadText, verificationLine } from './verify-report-text.js';

/**
 * The store and the checker only: no read models, so a store in any state (however tampered with)
 * can be checked without first being folded into plans.
 */
@Module({})
class VerifyModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: VerifyModule,
      imports: [CqrsModule.forRoot(), EventStoreModule.forConfig(config), AuditModule],
    };
  }
}

/** Checks the chains the arguments ask for, in the store the configuration names. */
export async function verifyStore(config: AppConfig, options: VerifyArguments): Promise<number> {
  const context = await NestFactory.createApplicationContext(VerifyModule.forConfig(config), {
    logger: ['error', 'warn'],
  });
  try {
    return await verify(context.get(AuditTrail), options);
  } finally {
    await context.close();
  }
}

async function verify(auditTrail: AuditTrail, { planId, expectHead }: VerifyArguments): Promise<number> {
  if (planId === undefined) {
    const plans = await auditTrail.verifyEveryPlan();
    if (plans.length === 0) return say('No plans in the store.\n', 0);
    return say(
      plans.map((plan) => `${verificationLine(plan)}\n`).join(''),
      plans.every((plan) => plan.valid) ? 0 : 1,
    );
  }
  if (expectHead === undefined) {
    const plan = await auditTrail.verifyPlan(planId);
    if (!plan) return complain(`${NO_SUCH_PLAN}\n`, 2);
    return say(`${verificationLine(plan)}\n`, plan.valid ? 0 : 1);
  }
  const check = await auditTrail.checkRecordedHead(planId, expectHead);
  if (!check) return complain(`${NO_SUCH_PLAN}\n`, 2);
  const found = check.recordedHeadVersion !== null;
  return say(
    `${verificationLine(check)}\n${recordedHeadText(check, expectHead)}\n`,
    check.valid && found ? 0 : 1,
  );
}
