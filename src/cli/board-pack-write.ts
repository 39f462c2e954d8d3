import { writeFile } from 'node:fs/promises';
import { QueryBus } from '@nestjs/cqrs';
import type { Actor } from '../auth/domain/actor.js';
import { seesAuthority } from '../auth/domain/permissions.js';
import { loadConfig } from '../config.js';
import { DomainError, noSuchPlan } from '../plans/domain/errors.js';
import { PlanReads } from '../plans/read-models/plan-reads.js';
import { OffLoopLimitError } from '../shared/off-loop/off-loop.js';
import { argumentRefusal } from './argument-refusal.js';
import type { BoardPackArguments } from './board-pack-args.js';
import { produceBoardPack } from './board-pack-command.js';
import { createCliContext } from './cli-context.js';
import { complain, say } from './run-command.js';

/** The option of each field the board pack may refuse. */
const OPTIONS = { planId: '--plan', boardMeeting: '--board' };

/** Writes the pack for the signed-in user, from the application booted without a server. */
export async function writeAs(actor: Actor, options: BoardPackArguments): Promise<number> {
  const context = await createCliContext(loadConfig());
  try {
    const plan = await context.get(PlanReads).findSummary(options.request.planId);
    if (plan && !seesAuthority(actor, plan.localAuthority)) throw noSuchPlan();
    const document = await produceBoardPack(context.get(QueryBus), options);
    if (!options.out) {
      process.stdout.write(document.body);
      return 0;
    }
    await writeFile(options.out, document.body);
    return say(`Board pack written to ${options.out}\n`, 0);
  } catch (error) {
    if (error instanceof OffLoopLimitError) return complain(`${error.message}\n`, 1);
    // An unknown plan or board meeting: the arguments were wrong, not the store.
    if (error instanceof DomainError) return complain(argumentRefusal(error, OPTIONS), 2);
    throw error;
  } finally {
    await context.close();
  }
}
