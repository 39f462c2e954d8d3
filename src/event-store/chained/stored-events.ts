import type { EventStore } from '../event-store.port.js';

/**
 * The events exactly as stored, hashes included: what the hash chain is checked against. It is
 * the store below any decorator that changes events on their way in or out, so checking sees the
 * bytes the chain was computed over.
 */
export const STORED_EVENTS = Symbol('StoredEvents');

export type StoredEvents = Pick<EventStore, 'readStream' | 'subscribeToAll' | 'headPosition'>;
