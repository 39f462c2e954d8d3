import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { Public } from './auth/allow.decorator.js';
import { PlanProjection } from './plans/read-models/plan-projection.js';

/** Liveness and readiness for load balancers and orchestrators. */
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly projection: PlanProjection) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: string } {
    return { status: 'ok' };
  }

  /** Ready once the read models have caught up with the store, and while they keep up. */
  @Get('ready')
  ready(): { status: string } {
    if (!this.projection.isHealthy) throw new ServiceUnavailableException({ status: 'not ready' });
    return { status: 'ready' };
  }
}
