import { Module } from '@nestjs/common';
import { WebhooksModule } from '@zhengjian/webhooks';
import { AdminModule } from '../admin.module';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';

/** The admin webhook endpoints, behind the same `AdminGuard` as the rest of `/admin` (exported by `AdminModule`). */
@Module({
  imports: [AdminModule, WebhooksModule],
  controllers: [WebhookDeliveriesController],
})
export class AdminWebhooksModule {}
