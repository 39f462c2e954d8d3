import type { EventMetadata } from '../event-store.port.js';

/**
 * KurrentDB links events by the reserved metadata keys `$correlationId` and `$causationId` (its
 * `$by_correlation_id` projection reads them), so the adapter stores the port's correlationId and
 * causationId under those names.
 */
export function toStoredMetadata(metadata: EventMetadata): Record<string, unknown> {
  const { correlationId, causationId, ...rest } = metadata;
  return { ...rest, $correlationId: correlationId, $causationId: causationId };
}

/**
 * The upcaster for the storage change above: events written before it carry `correlationId` and
 * `causationId`, later ones the reserved names; both read back as the port's EventMetadata. It is
 * the storage-level twin of the data upcasting in src/plans/plan-stream.ts (`fromRecorded`): old
 * shapes are turned into the current one in one place, on read, and nothing stored is rewritten
 * (events are immutable, and the audit chain hashes what the port was given).
 */
export function upcastStoredMetadata(stored: Readonly<Record<string, unknown>>): EventMetadata {
  const { $correlationId, $causationId, ...rest } = stored;
  if ($correlationId === undefined && $causationId === undefined) return stored as unknown as EventMetadata;
  return { ...rest, correlationId: $correlationId, causationId: $causationId } as unknown as EventMetadata;
}
