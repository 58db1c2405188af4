import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZhengjianMetrics } from '@zhengjian/metrics';
import { ApiPublic } from '../openapi/openapi-security';

/**
 * `GET /metrics`: Prometheus text exposition (default Node.js metrics and `zhengjian_*`). Unauthenticated like
 * `/health`, as scrapers expect: it carries counts and codes only; restrict it at the network edge if needed.
 */
@Controller('metrics')
@ApiTags('operations')
@ApiPublic()
export class MetricsController {
  constructor(@Inject(ZhengjianMetrics) private readonly metrics: ZhengjianMetrics) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format)' })
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Prometheus text format 0.0.4',
    content: {
      'text/plain': {
        schema: { type: 'string' },
        example: 'zhengjian_requests_total{endpoint="POST /certificates/query",error_code="0"} 1',
      },
    },
  })
  async scrape(@Res() res: Response): Promise<void> {
    const body = await this.metrics.render();
    res.type(this.metrics.contentType).send(body);
  }
}
