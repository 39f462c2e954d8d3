import { Inject, Injectable } from '@nestjs/common';
import { StoreUnavailableError } from '../../event-store/event-store.port.js';
import { CLOCK, type Clock } from '../../shared/clock.js';
import { noSuchPlan, notFound } from '../domain/errors.js';
import type { Action, Plan } from '../domain/plan.js';
import type { LoadedPlan } from './loaded-plan.js';
import { planAt, type PlanAt, type PointInTime } from './plan-at.js';
import type { PlanSummary } from './plan-index.js';
import type { PartOptions } from './plan-loader.js';
import type { PlanPart, PlanPartModel } from './plan-part.js';
import { PlanProjection, type LiveListener } from './plan-projection.js';

/** How long to wait before asking again while the read side is starting. */
const STARTING_RETRY_AFTER_SECONDS = 2;

/**
 * The one door to a plan: every question about one (now, at a point in time, its parts) and the
 * two that span plans (the list, and which plan holds an action). A plan not in memory is loaded
 * from its stream; an id this instance has not seen is looked for in the store before NOT_FOUND,
 * which is said here and nowhere else.
 */
@Injectable()
export class PlanReads {
  constructor(
    private readonly projection: PlanProjection,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Registers a per-plan read model; before the application starts. */
  addPart(part: PlanPart<PlanPartModel>, options?: PartOptions): void {
    this.projection.plans.addPart(part, options);
  }

  /** A part of the plan (built now if it is built when asked for); NOT_FOUND for an unknown plan. */
  async part<T extends PlanPartModel>(planId: string, part: PlanPart<T>, field?: string): Promise<T> {
    return this.projection.plans.partOf(await this.loaded(planId, field), part);
  }

  onLiveEvent(listener: LiveListener): void {
    this.projection.onLiveEvent(listener);
  }

  /** Every plan, newest first: from the index, nothing loaded. */
  list(): readonly PlanSummary[] {
    this.assertReady();
    return this.projection.index.summaries();
  }

  /** What the index knows of a plan, without loading it (for access checks); undefined if unknown. */
  async findSummary(planId: string): Promise<PlanSummary | undefined> {
    this.assertReady();
    const { index } = this.projection;
    if (!index.summary(planId)) await this.projection.waitForStore();
    return index.summary(planId);
  }

  /** The plan folded with its timeline and parts; NOT_FOUND (on `field`) for an unknown plan. */
  async loaded(planId: string, field = 'planId'): Promise<LoadedPlan> {
    const loaded = await this.find(planId);
    if (!loaded) throw noSuchPlan(field);
    return loaded;
  }

  /** As loaded, undefined for an unknown plan. */
  async find(planId: string): Promise<LoadedPlan | undefined> {
    // Created a moment ago through another instance? Everything stored by now is folded first.
    if (!(await this.findSummary(planId))) return undefined;
    return this.projection.plans.load(planId);
  }

  /**
   * The plan as far as this instance has folded it, or undefined if it does not know it yet; the
   * store is not asked what is new (the write side reads the plan's stream after it anyway).
   */
  async findKnown(planId: string): Promise<LoadedPlan | undefined> {
    this.assertReady();
    return this.projection.index.summary(planId) ? this.projection.plans.load(planId) : undefined;
  }

  async current(planId: string, field = 'planId'): Promise<Plan> {
    return (await this.loaded(planId, field)).plan;
  }

  /** The plan now or at a point in time (see planAt); NOT_FOUND for an unknown plan. */
  async at(planId: string, at?: PointInTime, effectiveOn?: string, field = 'planId'): Promise<PlanAt> {
    const loaded = await this.loaded(planId, field);
    return planAt(loaded.plan, loaded.timeline, at, effectiveOn, this.clock());
  }

  /** What the index knows of the plan that holds an action; undefined if unknown. */
  async findSummaryOfAction(actionId: string): Promise<PlanSummary | undefined> {
    const planId = await this.findPlanOfAction(actionId);
    return planId === undefined ? undefined : this.projection.index.summary(planId);
  }

  /** The plan that holds the action; NOT_FOUND (on `field`) for an unknown action. */
  async planOfAction(actionId: string, field = 'actionId'): Promise<string> {
    const planId = await this.findPlanOfAction(actionId);
    if (planId === undefined) throw notFound(field, 'No action has that id');
    return planId;
  }

  async findPlanOfAction(actionId: string): Promise<string | undefined> {
    this.assertReady();
    const { index } = this.projection;
    if (index.planIdOfAction(actionId) === undefined) await this.projection.waitForStore();
    return index.planIdOfAction(actionId);
  }

  /** The action now or at a point in time; undefined if unknown, NOT_FOUND if not yet added then. */
  async action(actionId: string, at?: PointInTime): Promise<Action | undefined> {
    const planId = await this.findPlanOfAction(actionId);
    if (planId === undefined) return undefined;
    const plan = await this.at(planId, at);
    const action = plan.actions.get(actionId);
    if (!action) throw notFound('asOf', `The action did not exist yet at ${plan.asOf}`);
    return action;
  }

  /** Keeps a plan in memory while someone watches it live; NOT_FOUND for an unknown plan. */
  async watch(planId: string, field = 'planId'): Promise<() => void> {
    await this.loaded(planId, field);
    const { loaded, release } = await this.projection.plans.pin(planId);
    if (!loaded) {
      release();
      throw noSuchPlan(field);
    }
    return release;
  }

  private assertReady(): void {
    if (!this.projection.isReady) {
      throw new StoreUnavailableError('the read side is starting', STARTING_RETRY_AFTER_SECONDS);
    }
  }
}
