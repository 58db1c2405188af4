import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { WebhookAttemptStatus } from '@zhengjian/webhooks';
import { PageQueryDto } from '../../page-query.dto';

const STATUSES: WebhookAttemptStatus[] = ['pending', 'delivered', 'retrying', 'failed'];

/** `GET /admin/webhooks/deliveries` filters (all optional, combined with AND), plus the shared page parameters. */
export class ListDeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Juhe order number, JH + 22 digits' })
  @IsOptional()
  @Matches(/^JH\d{22}$/, { message: 'orderid must be JH followed by 22 digits' })
  orderid?: string;

  @ApiPropertyOptional({
    enum: STATUSES,
    description: 'Outcome of the attempt: pending (not answered yet), delivered (2xx), retrying, failed (last attempt)',
  })
  @IsOptional()
  @IsIn(STATUSES)
  status?: WebhookAttemptStatus;
}
