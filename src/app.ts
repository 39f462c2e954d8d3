import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, LoggerModule, PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { logLevelsFrom, type AppConfig } from './config.js';
import { hardenHttp } from './http/http-hardening.js';
import { gateOnReadSide } from './http/read-side-gate.js';
import { serverOptions } from './http/server-options.js';
import { useStrictJsonBody } from './http/strict-json-body.js';
import { loggerParams, logRequests, requestIdOf } from './observability/access-log.js';
import { closeConnectionsWhenStopping } from './observability/graceful-shutdown.js';
import { MetricsModule } from './observability/metrics.module.js';
import { OperationsMetrics } from './observability/operations-metrics.js';
import { timeRequests } from './observability/request-timing.js';
import { PlanProjection } from './plans/read-models/plan-projection.js';
import type { Clock } from './shared/clock.js';
import { registerWebAssets } from './web/web-assets.js';

@Module({})
class OperatedApp {}

/** The application, with the logger and the metrics every part of it reports through. */
function operated(config: AppConfig, clock?: Clock): DynamicModule {
  return {
    module: OperatedApp,
    imports: [
      LoggerModule.forRoot(loggerParams(config)),
      MetricsModule.forConfig(config),
      AppModule.forRoot(config, clock),
    ],
  };
}

/** Builds the application (used by main.ts and by the end-to-end tests). */
export async function createApp(config: AppConfig, clock?: Clock): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    operated(config, clock),
    // Request ids the access log can share with a proxy's (X-Request-Id), unique across instances.
    new FastifyAdapter({ ...serverOptions(), genReqId: requestIdOf }),
    // Nest's own messages wait for pino, so that every line has one shape.
    { logger: logLevelsFrom(config.logLevel), bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  logRequests(app, PinoLogger.root);
  useStrictJsonBody(app);
  await hardenHttp(app, config);
  timeRequests(app, app.get(OperationsMetrics));
  closeConnectionsWhenStopping(app);
  gateOnReadSide(app, app.get(PlanProjection));
  await registerWebAssets(app);
  return app;
}
