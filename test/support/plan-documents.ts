import type { DocumentAction, DocumentTheme, PlanDocument } from '../../src/import/plan-document.js';

/** Small builders of documents as the parsers hand them to sync; lines are made up but distinct. */
export const documentAction = (data: Partial<DocumentAction> = {}): DocumentAction => ({
  ref: '1.1',
  description: 'Review caseloads across the assessment teams monthly.',
  owners: ['Service Manager Operations'],
  commencing: '2023-12',
  dueBy: null,
  rag: 'NOT_RATED',
  progress: [],
  line: 10,
  ...data,
});

export const documentTheme = (data: Partial<DocumentTheme> = {}): DocumentTheme => ({
  number: 1,
  title: 'Caseloads',
  whatNeedsToImprove: null,
  inspectorFindings: null,
  actions: [documentAction()],
  line: 5,
  ...data,
});

export const planDocument = (...themes: DocumentTheme[]): PlanDocument => ({
  title: 'ILACS improvement plan',
  inspection: null,
  themes: themes.length > 0 ? themes : [documentTheme()],
});

/** Ids "id-1", "id-2", … in the order sync asks for them. */
export function sequentialIds(): () => string {
  let next = 0;
  return () => `id-${++next}`;
}

/** A document of theme 1 with the one row given (and the theme fields given). */
export const documentWithRow = (row: Partial<DocumentAction> = {}, theme: Partial<DocumentTheme> = {}) =>
  planDocument(documentTheme({ actions: [documentAction(row)], ...theme }));
