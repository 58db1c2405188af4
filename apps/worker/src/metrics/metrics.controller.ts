import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ZhengjianMetrics } from '@zhengjian/metrics';

/**
 * The worker's `GET /metrics` on `WORKER_PORT` (beside `/health`): recognition durations by cardType and provider,
 * job outcomes, webhook deliveries, queue depth, default Node.js metrics (Prometheus text).
 */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(ZhengjianMetrics) private readonly metrics: ZhengjianMetrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() res: Response): Promise<void> {
    const body = await this.metrics.render();
    res.type(this.metrics.contentType).send(body);
  }
}
