import { describe, expect, it } from '@jest/globals';
import type { EventMetadata } from '../event-store.port.js';
import { toStoredMetadata, upcastStoredMetadata } from './correlation-metadata.js';

const metadata: EventMetadata = {
  correlationId: 'request-1',
  causationId: 'command-1',
  recordedAt: '2024-05-01T10:00:00.000Z',
  schemaVersion: 1,
  actor: { id: 'u1', name: 'Sam Adams', roles: ['ADMIN'], via: 'token' },
};

describe('correlation metadata on KurrentDB', () => {
  it("stores the correlation and causation under KurrentDB's reserved names only", () => {
    const stored = toStoredMetadata(metadata);
    expect(stored).toMatchObject({ $correlationId: 'request-1', $causationId: 'command-1' });
    expect(stored).not.toHaveProperty('correlationId');
    expect(stored).not.toHaveProperty('causationId');
  });

  it('reads what it stores back as the metadata it was given', () => {
    expect(upcastStoredMetadata(toStoredMetadata(metadata))).toEqual(metadata);
  });

  it('reads an event stored before the reserved names were used unchanged', () => {
    const older = { ...metadata } as unknown as Record<string, unknown>;
    expect(upcastStoredMetadata(older)).toEqual(metadata);
  });
});
