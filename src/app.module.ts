import { Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { AccessGuard } from './auth/access.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { Authenticator } from './auth/authenticator.js';
import { AuditModule } from './audit/audit.module.js';
import type { AppConfig } from './config.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { DomainErrorFilter } from './graphql/errors.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { inputValidationError } from './graphql/input-validation.js';
import { HealthController } from './health.controller.js';
import { ExportModule } from './export/export.module.js';
import { HistoryModule } from './history/history.module.js';
import { ImportModule } from './import/import.module.js';
import { PlansModule } from './plans/plans.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { SearchModule } from './search/search.module.js';
import { CLOCK, systemClock, type Clock } from './shared/clock.js';
import { READ_SIDE_SETTINGS, readSideSettingsProvider } from './plans/read-models/read-side-settings.js';
import { sessionFromCookieHeader } from './web/session/session-cookie.js';
import { SESSION_KEY } from './web/session/web-session.js';
import { WebModule } from './web/web.module.js';

@Module({})
export class AppModule {
  /** `clock` is for tests that need to control transaction time. */
  static forRoot(config: AppConfig, clock: Clock = systemClock): DynamicModule {
    const web = WebModule.forConfig(config);
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        EventStoreModule.forConfig(config),
        AuthModule.forConfig(config),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [web],
          inject: [Authenticator, SESSION_KEY],
          // The pages' live updates sign in with their session cookie (the key that seals it).
          useFactory: (authenticator: Authenticator, sessionKey: Uint8Array) =>
            graphqlOptions(authenticator, (cookies) => sessionFromCookieHeader(cookies, sessionKey), {
              allowedOrigins: config.allowedOrigins,
            }),
        }),
        {
          module: SharedModule,
          global: true,
          providers: [{ provide: CLOCK, useValue: clock }, readSideSettingsProvider(config)],
          exports: [CLOCK, READ_SIDE_SETTINGS],
        },
        PlansModule,
        HistoryModule,
        ReportsModule,
        AuditModule,
        ImportModule,
        ExportModule,
        SearchModule,
        web,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ transform: true, exceptionFactory: inputValidationError }),
        },
      ],
    };
  }
}

@Module({})
class SharedModule {}
