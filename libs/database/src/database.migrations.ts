import { InitialSchema1795963320902 } from './migrations/1795963320902-initial-schema';
import { WebhookDeliveryChains1796100000000 } from './migrations/1796100000000-webhook-delivery-chains';
import { AdminListingIndexes1796200000000 } from './migrations/1796200000000-admin-listing-indexes';
import { OrderErasure1796300000000 } from './migrations/1796300000000-order-erasure';
import { RefusalCountsAndUnsettledDeliveries1796310000000 } from './migrations/1796310000000-refusal-counts-and-unsettled-deliveries';
import { OrderCrop1796320000000 } from './migrations/1796320000000-order-crop';

/**
 * Every committed migration class, oldest first. Listed as classes rather than a glob so that the same list works
 * under tsc output, ts-jest and tsx. Add new migrations at the end; never edit or remove a landed one.
 */
export const MIGRATIONS = [
  InitialSchema1795963320902,
  WebhookDeliveryChains1796100000000,
  AdminListingIndexes1796200000000,
  OrderErasure1796300000000,
  RefusalCountsAndUnsettledDeliveries1796310000000,
  OrderCrop1796320000000,
];
