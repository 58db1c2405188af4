/** `@zhengjian/orders`: orders, encrypted images and results, billing records and error history (`OrdersPort`). */
export type {
  CreateOrderInput,
  ErasedBy,
  FinishOrderInput,
  OrderMode,
  OrderStatus,
  OrderView,
  OrdersPort,
} from './orders.contract';
export { DataCipher } from './crypto/data.cipher';
export { DataCipherError } from './crypto/data-cipher.error';
export { ImageDigest } from './crypto/image-digest';
export { BillingRecordEntity } from './entities/billing-record.entity';
export { ErrorEventEntity } from './entities/error-event.entity';
export { IdempotencyKeyEntity, type StoredResponse } from './entities/idempotency-key.entity';
export { IdempotencyClaimLostError } from './idempotency-claim-lost.error';
export { OrderImageEntity } from './entities/order-image.entity';
export { OrderEntity } from './entities/order.entity';
export { ORDERS, imageContext, resultContext } from './orders.constants';
export { OrdersModule } from './orders.module';
export { OrdersService } from './orders.service';
export { OrderErasureService, type ErasureOutcome, type RetentionRun } from './order-erasure.service';
export * from './admin';
