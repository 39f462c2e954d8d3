import type { Judgement } from '../plans/domain/events.js';
import type { PlanDate } from '../plans/domain/plan-date.js';
import type { RagStatus } from '../plans/domain/rag.js';

/**
 * A plan as read from a council's own document (a Word table pasted as text, CSV or XLSX):
 * the neutral shape between the parsers, sync (which turns it into commands) and export.
 */
export interface PlanDocument {
  readonly title: string | null;
  readonly inspection: DocumentInspection | null;
  readonly themes: readonly DocumentTheme[];
}

export interface DocumentInspection {
  readonly inspectorate: string;
  readonly framework: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly judgement: Judgement | null;
}

export interface DocumentTheme {
  readonly number: number;
  /** Null where the document has a section with no heading (it is reported, not dropped). */
  readonly title: string | null;
  readonly whatNeedsToImprove: string | null;
  readonly inspectorFindings: string | null;
  readonly actions: readonly DocumentAction[];
  /** 1-based line (text) or row (spreadsheet) where the theme starts, for reports. */
  readonly line: number;
}

export interface DocumentAction {
  readonly ref: string;
  /** Paragraphs joined with a blank line ("\n\n"). */
  readonly description: string;
  readonly owners: readonly string[];
  readonly commencing: PlanDate | null;
  readonly dueBy: PlanDate | null;
  readonly rag: RagStatus;
  /** "Progress and impact to date", one entry per paragraph, in document order. */
  readonly progress: readonly string[];
  readonly line: number;
}

/** Something a person should look at; the import still goes ahead. */
export interface ImportWarning {
  readonly line: number | null;
  readonly message: string;
}

/** Something that makes the file unusable; nothing is appended when there is one. */
export interface ImportProblem {
  readonly line: number | null;
  readonly message: string;
}

export interface ParseResult {
  readonly document: PlanDocument;
  readonly warnings: readonly ImportWarning[];
  readonly problems: readonly ImportProblem[];
}
