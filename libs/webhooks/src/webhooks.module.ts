import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrdersModule } from '@zhengjian/orders';
import { QueueModule } from '@zhengjian/queue';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { KeyWebhookSettingsReader } from './key-webhook-settings.reader';
import { WebhookDeliveriesReader } from './webhook-deliveries.reader';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookHttpClient } from './webhook-http.client';
import { WebhookScheduler } from './webhook-scheduler.service';
import { WebhookUrlPolicy } from './webhook-url.policy';

/**
 * Webhooks of finished async orders: the URL policy (api: accepting a `callbackUrl`), the scheduler (worker: after an
 * order finishes; api: admin redelivery), the delivery service (worker), the admin reader. Needs
 * `AppConfigModule.forRoot()` and `DatabaseModule` in the app.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookDeliveryEntity]), OrdersModule, QueueModule],
  providers: [
    KeyWebhookSettingsReader,
    WebhookUrlPolicy,
    WebhookHttpClient,
    WebhookScheduler,
    WebhookDeliveryService,
    WebhookDeliveriesReader,
  ],
  exports: [WebhookUrlPolicy, WebhookScheduler, WebhookDeliveryService, WebhookDeliveriesReader],
})
export class WebhooksModule {}
