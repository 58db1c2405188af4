import { Module } from '@nestjs/common';
import { AdminOrdersQuery } from './admin-orders.query';
import { BillingSummaryQuery } from './billing-summary.query';
import { ErrorEventsQuery } from './error-events.query';

/**
 * The read side of orders for the admin API: listings, timelines, billing summaries, error history. Needs the
 * app's `DatabaseModule` (it injects the `DataSource`); decrypts nothing, so it has no `DataCipher`.
 */
@Module({
  providers: [AdminOrdersQuery, BillingSummaryQuery, ErrorEventsQuery],
  exports: [AdminOrdersQuery, BillingSummaryQuery, ErrorEventsQuery],
})
export class OrdersAdminModule {}
