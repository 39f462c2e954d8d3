import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { Public } from './auth/allow.decorator.js';
import { PlanProjection, type ProjectionHealth } from './plans/read-models/plan-projection.js';

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

  /**
   * Ready once the read models have caught up with the store, and while they keep up. The body
   * also says why they stopped, and which records of the store they passed over (a tombstone, a
   * truncated link, an event that is not JSON): the store's, never a plan's content.
   */
  @Get('ready')
  ready(): { status: string } & Omit<ProjectionHealth, 'ready'> {
    const { ready, ...health } = this.projection.health();
    if (!ready) throw new ServiceUnavailableException({ status: 'not ready', ...health });
    return { status: 'ready', ...health };
  }
}
