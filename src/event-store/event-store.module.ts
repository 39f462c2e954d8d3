import { join } from 'node:path';
import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config.js';
import { EVENT_STORE, type EventStore } from './event-store.port.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

/** Provides the configured event-store adapter behind the EVENT_STORE port. */
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
      return KurrentDbEventStore.connect(eventStoreUrl, { logger: new Logger('KurrentDB') });
    };
    return {
      module: EventStoreModule,
      global: true,
      providers: [{ provide: EVENT_STORE, useFactory: open }],
      exports: [EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
