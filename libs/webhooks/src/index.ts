/**
 * `@zhengjian/webhooks`: signed `recognition.completed` deliveries of async orders — URL policy (no private targets
 * unless allowed), HMAC-SHA256 signing, delivery chains with every attempt in `webhook_deliveries`, redelivery.
 */
export { WebhookDeliveryEntity, type WebhookAttemptStatus } from './entities/webhook-delivery.entity';
export { isPrivateAddress } from './private-address';
export { UnrecordedAttemptError, WebhookAttemptError, WebhookChainFailedError } from './webhook-attempt.error';
export {
  WebhookDeliveriesReader,
  type DeliveryAttemptView,
  type DeliveryFilter,
  type DeliveryPage,
} from './webhook-deliveries.reader';
export { RECORD_RETRY_DELAYS_MS, WebhookDeliveryService, type DeliveryOutcome } from './webhook-delivery.service';
export { RECOGNITION_COMPLETED, webhookPayload, type WebhookPayload } from './webhook-payload';
export { WebhookScheduler, type Redelivery, type ScheduleOutcome } from './webhook-scheduler.service';
export { SIGNATURE_VERSION, WEBHOOK_HEADERS, signWebhook, unixSeconds } from './webhook-signature';
export { MAX_WEBHOOK_URL_LENGTH, WebhookUrlPolicy, parseWebhookUrl, type UrlCheck } from './webhook-url.policy';
export { WebhooksModule } from './webhooks.module';
