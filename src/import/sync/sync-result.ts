import type { PlanCommand } from '../../plans/domain/commands.js';
import { dated } from '../effective-date.js';
import type { ImportProblem, ImportWarning } from '../plan-document.js';

/** One command of an import, with the document line it came from and what it does in words. */
export interface SyncStep {
  readonly command: PlanCommand;
  readonly line: number | null;
  readonly change: string;
}

/** What an import adds to the plan, counted as a board would read it. */
export interface SyncSummary {
  readonly themesAdded: number;
  readonly themeRevisions: number;
  readonly actionsAdded: number;
  readonly ragChanges: number;
  readonly progressNotesAdded: number;
  readonly ownerChanges: number;
  readonly reschedules: number;
  readonly descriptionRevisions: number;
}

export interface SyncResult {
  readonly commands: readonly PlanCommand[];
  readonly steps: readonly SyncStep[];
  readonly summary: SyncSummary;
  readonly warnings: readonly ImportWarning[];
  /** Refusals found before deciding (personal data): nothing may be appended while there are any. */
  readonly problems: readonly ImportProblem[];
}

export function summarise(commands: readonly PlanCommand[]): SyncSummary {
  const count = (type: PlanCommand['type']) => commands.filter((command) => command.type === type).length;
  return {
    themesAdded: count('AddTheme'),
    themeRevisions: count('ReviseTheme'),
    actionsAdded: count('AddAction'),
    ragChanges: count('ChangeRagStatus'),
    progressNotesAdded: count('AddProgressNote'),
    ownerChanges: count('AssignActionOwners'),
    reschedules: count('RescheduleAction'),
    descriptionRevisions: count('ReviseActionDescription'),
  };
}

/**
 * Collects an import's steps, warnings and problems in document order. Every change that can say
 * the day it took effect says the import's effective date, when it has one.
 */
export class SyncCollector {
  private readonly steps: SyncStep[] = [];
  private readonly warnings: ImportWarning[] = [];
  private readonly problems: ImportProblem[] = [];

  constructor(private readonly effectiveDate: string | null = null) {}

  step(command: PlanCommand, line: number | null, change: string): void {
    this.steps.push({ command: dated(command, this.effectiveDate), line, change });
  }

  warn(line: number | null, message: string): void {
    this.warnings.push({ line, message });
  }

  problem(line: number | null, message: string): void {
    this.problems.push({ line, message });
  }

  result(): SyncResult {
    const commands = this.steps.map((step) => step.command);
    return {
      commands,
      steps: this.steps,
      summary: summarise(commands),
      warnings: this.warnings,
      problems: this.problems,
    };
  }
}
