import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { AppConfig } from '../config.js';
import { PlansModule } from '../plans/plans.module.js';
import { METRICS_TOKEN, MetricsController } from './metrics.controller.js';
import { OperationFactsInterceptor } from './operation-facts.interceptor.js';
import { OperationsMetrics } from './operations-metrics.js';
import { ProjectionLagProbe } from './projection-lag.js';

/**
 * Metrics on GET /metrics, and the facts about each GraphQL request that the access log and the
 * latency histogram report. OperationsMetrics is global: the event store and the command handler
 * count through it.
 */
@Module({})
export class MetricsModule {
  static forConfig(config: Pick<AppConfig, 'metricsToken'>): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      imports: [PlansModule],
      controllers: [MetricsController],
      providers: [
        OperationsMetrics,
        ProjectionLagProbe,
        { provide: METRICS_TOKEN, useValue: config.metricsToken },
        { provide: APP_INTERCEPTOR, useClass: OperationFactsInterceptor },
      ],
      exports: [OperationsMetrics],
    };
  }
}
