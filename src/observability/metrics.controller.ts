import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/allow.decorator.js';
import { Authenticator } from '../auth/authenticator.js';
import { checkMetricsAccess } from './metrics-access.js';
import { OperationsMetrics } from './operations-metrics.js';

export const METRICS_TOKEN = Symbol('MetricsToken');

/**
 * Prometheus' scrape target. Not public: the access guard lets it through only so that it can
 * take the scraper's METRICS_TOKEN as well as an ADMIN's token (checkMetricsAccess decides).
 */
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: OperationsMetrics,
    private readonly authenticator: Authenticator,
    @Inject(METRICS_TOKEN) private readonly scrapeToken: string | undefined,
  ) {}

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await checkMetricsAccess(authorization, this.scrapeToken, this.authenticator);
    reply.header('content-type', this.metrics.contentType).header('cache-control', 'no-store');
    return this.metrics.exposition();
  }
}
