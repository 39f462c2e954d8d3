import { writeFile } from 'node:fs/promises';
import { QueryBus } from '@nestjs/cqrs';
import { loadConfig } from '../config.js';
import { seesAuthority } from '../auth/domain/permissions.js';
import { DomainError, notFound } from '../plans/domain/errors.js';
import { PlanProjection } from '../plans/read-models/plan-projection.js';
import {
  BOARD_PACK_USAGE,
  parseBoardPackArguments,
  produceBoardPack,
  type BoardPackArguments,
} from './board-pack-command.js';
import { createCliContext } from './cli-context.js';
import type { Actor } from '../auth/domain/actor.js';
import { asSignedIn } from './cli-sign-in.js';
import { complain, say } from './run-command.js';

/**
 * `npm run board-pack -- --plan <id> … --token <jwt>`: exit 0 written, 2 bad arguments (including
 * an unknown plan or board meeting, or no sign-in), 1 anything else. Reads the same configuration
 * (DATA_DIR, EVENT_STORE_URL) as the server.
 */
export async function boardPackMain(argv: readonly string[]): Promise<number> {
  const parsed = parseBoardPackArguments(argv);
  if (parsed.kind === 'help') return say(`${BOARD_PACK_USAGE}\n`, 0);
  if (parsed.kind === 'error') return complain(`${parsed.message}\n\n${BOARD_PACK_USAGE}\n`, 2);
  const { options } = parsed;
  if (options.format === 'pdf' && !options.out && process.stdout.isTTY) {
    return complain(`A PDF is not for the terminal: give --out <file>, or redirect the output\n`, 2);
  }
  return writeBoardPack(options);
}

function writeBoardPack(options: BoardPackArguments): Promise<number> {
  return asSignedIn({ token: options.token, capability: 'read', via: 'cli' }, (actor) =>
    writeAs(actor, options),
  );
}

async function writeAs(actor: Actor, options: BoardPackArguments): Promise<number> {
  const context = await createCliContext(loadConfig());
  try {
    const plan = context.get(PlanProjection).readModel.plan(options.request.planId);
    if (plan && !seesAuthority(actor, plan.localAuthority))
      throw notFound('plan', 'No improvement plan has that id');
    const document = await produceBoardPack(context.get(QueryBus), options);
    if (!options.out) {
      process.stdout.write(document.body);
      return 0;
    }
    await writeFile(options.out, document.body);
    return say(`Board pack written to ${options.out}\n`, 0);
  } catch (error) {
    // An unknown plan or board meeting: the arguments were wrong, not the store.
    if (error instanceof DomainError) return complain(`${error.message}\n`, 2);
    throw error;
  } finally {
    await context.close();
  }
}
