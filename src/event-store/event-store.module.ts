import { join } from 'node:path';
import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config.js';
import { MeteredEventStore } from '../observability/metered-event-store.js';
import { OperationsMetrics } from '../observability/operations-metrics.js';
import { erasedTextOf, sealedFieldsOf } from '../plans/domain/sealed-text.js';
import { ChainedEventStore } from './chained/chained-event-store.js';
import { STORED_EVENTS } from './chained/stored-events.js';
import { EVENT_STORE, type EventStore } from './event-store.port.js';
import { openTextKeys } from './sealed-text/open-text-keys.js';
import { SealedTextEventStore } from './sealed-text/sealed-text-event-store.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

/**
 * Provides the configured event-store adapter behind the EVENT_STORE port, hash-chained
 * (ChainedEventStore), and the same chained store as STORED_EVENTS for checking the chain.
 */
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** KurrentDB when a connection string is configured, else the embedded SQLite store in dataDir. */
  static forConfig(config: Pick<AppConfig, 'dataDir' | 'eventStoreUrl'>): DynamicModule {
    const { eventStoreUrl, dataDir } = config;
    const open = async (): Promise<EventStore> => {
      if (!eventStoreUrl) return SqliteEventStore.open(join(dataDir, 'events.db'));
      // Loaded only when used: the client brings gRPC and a native addon the embedded store does not need.
      const { KurrentDbEventStore } = await import('./kurrentdb/kurrentdb-event-store.js');
      const { appendLimitFromEnv, retryPolicyFromEnv } = await import('./kurrentdb/settings.js');
      return KurrentDbEventStore.connect(eventStoreUrl, {
        logger: new Logger('KurrentDB'),
        retry: retryPolicyFromEnv(process.env),
        ...appendLimitFromEnv(process.env),
      });
    };
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        // The chain is computed over exactly what is stored, so it wraps the adapter directly: a
        // decorator that changes events on the way in or out goes above it, on EVENT_STORE only.
        { provide: STORED_EVENTS, useFactory: async () => new ChainedEventStore(await open()) },
        // Free texts are sealed above the chain, so destroying a text's key changes nothing hashed.
        {
          provide: EVENT_STORE,
          // Counted for GET /metrics when the app has metrics (the command-line tools do not).
          inject: [STORED_EVENTS, { token: OperationsMetrics, optional: true }],
          useFactory: async (chained: EventStore, metrics?: OperationsMetrics) => {
            const sealed = new SealedTextEventStore(
              chained,
              await openTextKeys(config),
              { sealedFieldsOf, erasedTextOf },
              new Logger('SealedText'),
            );
            return metrics ? new MeteredEventStore(sealed, metrics) : sealed;
          },
        },
      ],
      exports: [EVENT_STORE, STORED_EVENTS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
