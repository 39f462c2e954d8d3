import type { ImportProblem, ImportWarning } from '../plan-document.js';

/** Collects what a person should look at (warnings) and what makes the file unusable (problems). */
export class ParseLog {
  readonly warnings: ImportWarning[] = [];
  readonly problems: ImportProblem[] = [];

  warn(line: number | null, message: string): void {
    this.warnings.push({ line, message });
  }

  problem(line: number | null, message: string): void {
    this.problems.push({ line, message });
  }
}

/** A short quotation of a cell for messages. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}
