import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { QueueHealthIndicator } from './queue-health.indicator';

/**
 * `GET /health` of the api (on `PORT`) and of the worker (on `WORKER_PORT`): 200 `{ status: "ok" }` when Postgres and
 * Redis answer, 503 with the failing one otherwise.
 */
@Controller('health')
@ApiTags('operations')
// No credentials (OpenAPI `security: [{}]`): probes call it as is.
@ApiSecurity({})
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(TypeOrmHealthIndicator) private readonly database: TypeOrmHealthIndicator,
    @Inject(QueueHealthIndicator) private readonly redis: QueueHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Health: PostgreSQL and Redis answer (200) or not (503)' })
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2_000 }),
      () => this.redis.isHealthy(),
    ]);
  }
}
