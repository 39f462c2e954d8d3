import { evidenceText, type Evidence } from '../../plans/domain/evidence.js';

/**
 * A reason or a note followed by its evidence, one item a line, for the PDF (where a link is
 * printed as its address): "Caseloads at 18\nEvidence:\n• Caseload average: 18 (Q2 2024-25)".
 */
export const withEvidenceLines = (text: string, evidence: readonly Evidence[]): string =>
  evidence.length === 0
    ? text
    : [text, 'Evidence:', ...evidence.map((item) => `• ${evidenceText([item])}`)].join('\n');
