import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '../auth/domain/actor.js';
import { seesAuthority } from '../auth/domain/permissions.js';
import { PriorRequests } from '../plans/commands/prior-requests.js';
import { RecordPlanChange, type ChangeOrigin } from '../plans/commands/record-plan-change.command.js';
import { decideAll } from '../plans/domain/decide-all.js';
import { DomainError, invalid, noSuchPlan } from '../plans/domain/errors.js';
import {
  idFromKey,
  keyedRequest,
  keyReusedForAnotherChange,
  type KeyedRequest,
} from '../plans/domain/idempotency.js';
import type { Plan } from '../plans/domain/plan.js';
import { PlanProjection } from '../plans/read-models/plan-projection.js';
import { PlanReads } from '../plans/read-models/plan-reads.js';
import { CLOCK, type Clock } from '../shared/clock.js';
import { importEffectiveDate } from './effective-date.js';
import { importFingerprint } from './import-fingerprint.js';
import { refusedReport, type ImportReport } from './import-report.js';
import { offLoop, OffLoopLimitError } from '../shared/off-loop/off-loop.js';
import type { ParseOutcome, PlanDocumentFormat, PlanDocumentInput } from './parse/parse-plan-document.js';
import { parsePlanFile } from './parse-plan-file.task.js';
import { defaultOwnerNames, listedOwnerNames, type OwnerNames } from './parse/owner-cells.js';
import { syncCommands } from './sync/plan-sync.js';

export interface ImportRequest {
  /** As the person named it; only its last part is recorded ("imported from plan-may.xlsx"). */
  readonly fileName: string;
  readonly content: Buffer;
  /** The input field that carried the file, named in a refusal ("base64"); left out, "file". */
  readonly contentField?: string;
  /** Left out: told by the file name and content. */
  readonly format?: PlanDocumentFormat;
  /** The plan to bring in line with the file; left out, the file becomes a new plan. */
  readonly planId?: string | null;
  /** Title of a new plan, when the file has none or another is wanted. */
  readonly title?: string | null;
  readonly dryRun?: boolean;
  readonly acknowledgePersonalData?: boolean;
  /** "YYYY-MM-DD" the file's changes took effect ("as at 31 March"); left out, the day they are recorded. */
  readonly effectiveDate?: string | null;
}

/**
 * Imports a council's own plan document: parse, work out the commands that bring the plan in line
 * with it, and record them as one append, or nothing at all when anything is wrong.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly projection: PlanProjection,
    private readonly reads: PlanReads,
    private readonly priorRequests: PriorRequests,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async importPlan(request: ImportRequest, asked: ChangeOrigin): Promise<ImportReport> {
    const now = this.clock();
    const effectiveDate = importEffectiveDate(request.effectiveDate, now);
    const current = await this.targetPlan(request, asked.actor);
    const fileName = basename(request.fileName.replace(/\\/g, '/'));
    const origin = { ...asked, requestFingerprint: importFingerprint(request, fileName) };
    // With a key, a resent import of a new plan names the same plan, so it cannot make a copy.
    const planId = current?.id ?? idFromKey(origin, 'planId') ?? randomUUID();
    const keyed = keyedRequest(origin, planId, []);
    const plan = keyed && request.dryRun !== true ? await this.planToDecideOn(current, keyed, now) : current;
    const parsed = await readPlanFile(request.contentField ?? 'file', {
      fileName,
      content: request.content,
      format: request.format,
      ownerNames: ownerNamesOf(plan),
    });
    if (parsed.problems.length > 0) return refusedReport(request, parsed.problems, parsed.warnings);
    const sync = syncCommands(parsed.document, plan, {
      planId,
      fileName,
      title: request.title,
      localAuthority: origin.actor?.localAuthority,
      acknowledgePersonalData: request.acknowledgePersonalData,
      effectiveDate,
      newId: randomUUID,
    });
    const warnings = [...parsed.warnings, ...sync.warnings];
    if (sync.problems.length > 0) return refusedReport(request, sync.problems, warnings);
    const decision = decideAll(sync.commands, plan, { recordedAt: now.toISOString(), actor: origin.actor });
    if (!decision.accepted) {
      const { index, error } = decision.refusal;
      const step = sync.steps[index]!;
      // The date was wrong for the whole import (before the inspection, say), not this row of the file.
      if (error.field === 'effectiveDate') throw error;
      return refusedReport(
        request,
        [{ line: step.line, message: `${step.change}: ${error.message}` }],
        warnings,
      );
    }
    const dryRun = request.dryRun === true;
    const created = plan === undefined;
    const report: ImportReport = {
      planId: dryRun && created ? null : planId,
      dryRun,
      created,
      effectiveDate,
      summary: sync.summary,
      changes: sync.steps.map(({ line, change }) => ({ line, message: change })),
      warnings,
      problems: [],
      appendedEvents: 0,
    };
    if (dryRun || sync.commands.length === 0) return report;
    try {
      await this.commandBus.execute(new RecordPlanChange(planId, sync.commands, origin));
    } catch (error) {
      // Decided above on the plan as it was; someone changed it since in a way the import conflicts with.
      if (!(error instanceof DomainError)) throw error;
      return refusedReport(request, [{ line: null, message: error.message }], warnings);
    }
    return { ...report, appendedEvents: decision.decisions.flatMap(({ events }) => events).length };
  }

  /**
   * The plan as it is, or, for an import already recorded under the request's key, as it was
   * before that import: deciding on it again gives the first report, and the command handler
   * then appends nothing.
   */
  private async planToDecideOn(
    current: Plan | undefined,
    request: KeyedRequest,
    now: Date,
  ): Promise<Plan | undefined> {
    const prior = await this.priorRequests.find(request, now);
    if (prior.kind === 'none') return current;
    if (prior.kind === 'different') throw keyReusedForAnotherChange();
    await this.projection.waitFor(prior.first.position);
    return (await this.reads.loaded(request.planId)).timeline.stateAtVersion(prior.first.revision);
  }

  private async targetPlan(
    { planId, title }: ImportRequest,
    actor: Actor | undefined,
  ): Promise<Plan | undefined> {
    if (planId === undefined || planId === null) return undefined;
    if (title !== undefined && title !== null) {
      throw invalid('title', 'A title is for a new plan: leave it out when importing into an existing plan');
    }
    const plan = await this.reads.current(planId);
    if (actor && !seesAuthority(actor, plan.localAuthority)) throw noSuchPlan();
    return plan;
  }
}

/**
 * The file read off the event loop, within the caps of import-limits.ts: a file over them is
 * refused as bad input on the field that carried it, before anything is decided or recorded.
 */
async function readPlanFile(field: string, input: PlanDocumentInput): Promise<ParseOutcome> {
  const parsed = await offLoop()
    .run(parsePlanFile, input)
    .catch((error: unknown) => {
      if (!(error instanceof OffLoopLimitError)) throw error;
      throw invalid(field, error.refusal === 'busy' ? error.message : `${error.message}: ${LIMITS_ADVICE}`);
    });
  if (parsed.tooLarge !== null) throw invalid(field, parsed.tooLarge);
  return parsed;
}

const LIMITS_ADVICE = 'import the plan itself (a few hundred rows), without other sheets or data';

/**
 * The plan's list of owner roles when it keeps one; else the usual roles and the plan's own owners,
 * so that a cell naming them is split as it was last time. A new plan gets no list: the usual roles
 * are one council's, and an ADMIN lists their own once the first import's warnings are read.
 */
function ownerNamesOf(plan: Plan | undefined): OwnerNames {
  if (plan && plan.ownerRoles.length > 0) return listedOwnerNames(plan.ownerRoles);
  return defaultOwnerNames([...(plan?.actions.values() ?? [])].flatMap((action) => action.owners));
}
