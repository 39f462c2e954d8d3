import { stringify } from 'csv-stringify/sync';
import { evidenceText } from '../../plans/domain/evidence.js';
import { neutraliseFormula } from '../../shared/spreadsheet-formula.js';
import type { PlanChange } from './plan-change.js';

const HEADER = [
  'Version',
  'Recorded at',
  'Effective date',
  'Who',
  'Who (id)',
  'Roles',
  'Via',
  'Change',
  'Action',
  'Field',
  'From',
  'To',
  'Reason',
  'Evidence',
  'Event id',
];

const cells = (change: PlanChange): string[] => [
  String(change.version),
  change.recordedAt,
  change.effectiveDate ?? '',
  change.actor?.name ?? '',
  change.actor?.id ?? '',
  change.actor?.roles.join('; ') ?? '',
  change.actor?.via ?? '',
  change.kind,
  change.actionRef ?? '',
  change.field ?? '',
  change.from ?? '',
  change.to ?? '',
  change.reason ?? '',
  evidenceText(change.evidence),
  change.eventId,
];

/**
 * A plan's whole audit trail as a CSV file an auditor can filter in Excel: one row per change,
 * oldest first, with who made it (name, id, roles held then, channel). Same encoding as the plan
 * export: byte-order mark, CRLF, cells Excel would run as formulas neutralised.
 */
export function auditTrailCsv(changes: readonly PlanChange[]): string {
  const rows = changes.map((change) => cells(change).map(neutraliseFormula));
  return stringify([HEADER, ...rows], { bom: true, record_delimiter: 'windows' });
}
