import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { AppConfig } from '../config.js';
import { EventStoreModule } from '../event-store/event-store.module.js';
import { HistoryModule } from '../history/history.module.js';
import { ImportModule } from '../import/import.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { PlanProjection } from '../plans/read-models/plan-projection.js';
import { READ_SIDE_SETTINGS, readSideSettingsProvider } from '../plans/read-models/read-side-settings.js';
import { ReportsModule } from '../reports/reports.module.js';
import { CLOCK, systemClock, type Clock } from '../shared/clock.js';

@Module({})
class CliClockModule {}

/** The application without HTTP or GraphQL: the same store, commands and read models as the server. */
@Module({})
class CliModule {
  static forConfig(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: CliModule,
      imports: [
        CqrsModule.forRoot(),
        EventStoreModule.forConfig(config),
        {
          module: CliClockModule,
          global: true,
          providers: [{ provide: CLOCK, useValue: clock }, readSideSettingsProvider(config)],
          exports: [CLOCK, READ_SIDE_SETTINGS],
        },
        PlansModule,
        HistoryModule,
        ImportModule,
        ReportsModule,
      ],
    };
  }
}

/**
 * Boots the application context for a command-line tool; the read models have caught up with the
 * store when it resolves. Only warnings and errors are logged, so the tool's own output stays readable.
 */
export async function createCliContext(
  config: AppConfig,
  clock: Clock = systemClock,
): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(CliModule.forConfig(config, clock), {
    logger: ['error', 'warn'],
  });
  try {
    await context.get(PlanProjection).whenReady();
  } catch (error) {
    await context.close();
    throw error;
  }
  return context;
}
