import { join } from 'node:path';
import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config.js';
import { EVENT_STORE, type EventStore } from './event-store.port.js';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

/** Provides the configured event-store adapter behind the EVENT_STORE port. */
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** KurrentDB when a connection string is configured, else the embedded SQLite store in dataDir. */
  static forConfig(config: Pick<AppConfig, 'dataDir' | 'eventStoreUrl'>): DynamicModule {
    const { eventStoreUrl, dataDir } = config;
    const open = (): EventStore =>
      eventStoreUrl
        ? KurrentDbEventStore.connect(eventStoreUrl, { logger: new Logger('KurrentDB') })
        : SqliteEventStore.open(join(dataDir, 'events.db'));
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
