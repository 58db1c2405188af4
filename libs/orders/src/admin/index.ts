/** The admin read side of `@zhengjian/orders`, re-exported by the lib's index. */
export { AdminOrdersQuery } from './admin-orders.query';
export type * from './admin-orders.types';
export { BillingSummaryQuery } from './billing-summary.query';
export { ErrorEventsQuery } from './error-events.query';
export { InvalidCursorError } from './invalid-cursor.error';
export { type CursorPage, cursorTimestampSql, decodeCursor, toPage } from './keyset-cursor';
export { SqlFilter } from './sql-filter';
export { OrdersAdminModule } from './orders-admin.module';
