import type { PlanEvent } from '../../src/plans/domain/events.js';
import { RAG_STATUSES, type RagStatus } from '../../src/plans/domain/rag.js';
import { PLAN_PROSE } from '../plan-prose.js';
import { SeededRandom } from './seeded-random.js';

export const THEMES = 10;
export const ACTIONS = 100;
/** PlanCreated, its themes and its actions: what every plan starts with. */
export const OPENING_EVENTS = 1 + THEMES + ACTIONS;

const RATED = RAG_STATUSES.filter((status) => status !== 'NOT_RATED');

/**
 * One plan's life, event by event, from its own seeded source: created, 10 themes, 100 actions,
 * then RAG changes and progress notes in turn, round-robin over the actions, with texts from the
 * published Isle of Wight plan. The same (seed, plan) always gives the same events.
 */
export class PlanHistory {
  readonly planId: string;
  readonly actionIds: readonly string[];
  private readonly themeIds: readonly string[];
  private readonly rag: RagStatus[];
  private readonly random: SeededRandom;
  private index = 0;

  constructor(
    seed: number,
    readonly planNumber: number,
  ) {
    this.random = new SeededRandom(seed, planNumber);
    this.planId = this.random.uuid();
    this.themeIds = Array.from({ length: THEMES }, () => this.random.uuid());
    this.actionIds = Array.from({ length: ACTIONS }, () => this.random.uuid());
    this.rag = this.actionIds.map(() => 'NOT_RATED');
  }

  /** How many events have been taken so far. */
  get length(): number {
    return this.index;
  }

  next(): PlanEvent {
    const index = this.index;
    this.index += 1;
    const planId = this.planId;
    if (index === 0) {
      const title = `Improvement plan ${this.planNumber + 1}`;
      const localAuthority = `Council ${(this.planNumber % 150) + 1}`;
      return { type: 'PlanCreated', data: { planId, title, localAuthority, inspection: null } };
    }
    if (index <= THEMES) return this.themeAdded(index - 1);
    if (index < OPENING_EVENTS) return this.actionAdded(index - 1 - THEMES);
    const change = index - OPENING_EVENTS;
    const action = (change >> 1) % ACTIONS;
    const actionId = this.actionIds[action]!;
    const text = this.random.next();
    if (change % 2 === 0) {
      const from = this.rag[action]!;
      const choices = RATED.filter((status) => status !== from);
      const to = choices[this.random.below(choices.length)]!;
      this.rag[action] = to;
      return {
        type: 'RagStatusChanged',
        data: { planId, actionId, from, to, reason: PLAN_PROSE.reason(text) },
      };
    }
    const note = { noteId: this.random.uuid(), text: PLAN_PROSE.note(text), personalDataAcknowledged: false };
    return { type: 'ProgressNoteAdded', data: { planId, actionId, ...note } };
  }

  private themeAdded(theme: number): PlanEvent {
    return {
      type: 'ThemeAdded',
      data: {
        planId: this.planId,
        themeId: this.themeIds[theme]!,
        number: theme + 1,
        title: `Theme ${theme + 1}`,
        whatNeedsToImprove: PLAN_PROSE.description(this.random.next()),
        inspectorFindings: PLAN_PROSE.description(this.random.next()),
      },
    };
  }

  private actionAdded(action: number): PlanEvent {
    return {
      type: 'ActionAdded',
      data: {
        planId: this.planId,
        actionId: this.actionIds[action]!,
        themeId: this.themeIds[action % THEMES]!,
        ref: `${(action % THEMES) + 1}.${Math.floor(action / THEMES) + 1}`,
        description: PLAN_PROSE.description(this.random.next()),
        owners: [`Team ${(action % 7) + 1}`],
        commencing: '2024-01',
        dueBy: '2025-03',
        rag: 'NOT_RATED',
      },
    };
  }
}
