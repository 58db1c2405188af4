import { BullBoardModule, type BullBoardModuleOptions } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { AccessModule } from '@zhengjian/access';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { OrdersAdminModule, OrdersModule } from '@zhengjian/orders';
import { WebhookUrlPolicy } from '@zhengjian/webhooks';
import { AdminGuard } from './admin.guard';
import { AdminBillingController } from './billing/admin-billing.controller';
import { AdminErrorsController } from './errors/admin-errors.controller';
import { AdminKeysController } from './keys/admin-keys.controller';
import { AdminOrdersController } from './orders/admin-orders.controller';
import { adminTokenMiddleware } from './queues/admin-token.middleware';
import { LocalAssetsExpressAdapter } from './queues/local-assets-express.adapter';
import { QueueDashboardRegistrar } from './queues/queue-dashboard.registrar';
import { AdminSessionController } from './session/admin-session.controller';

/** Route of the bull-board dashboard. */
export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/**
 * The admin API (bearer `ADMIN_TOKEN`): keys, orders, billing summaries, error history, and the bull-board queue
 * dashboard behind the same token (or, in a browser, the session cookie of its login page, `/admin/login`). The webhook deliveries controller (`admin/webhooks`) lives beside it and uses
 * the same `AdminGuard`/`@AdminEndpoint()`.
 */
@Module({
  imports: [
    AccessModule,
    OrdersAdminModule,
    OrdersModule,
    BullBoardModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        // @bull-board/express 9.10.1 pins its own @bull-board/api (9.10.1, the app has 9.10.2): the same classes at
        // run time, distinct declarations for the compiler. The adapter renders the page without external assets.
        adapter: LocalAssetsExpressAdapter as unknown as BullBoardModuleOptions['adapter'],
        middleware: adminTokenMiddleware(config.adminToken),
      }),
    }),
  ],
  controllers: [
    AdminKeysController,
    AdminOrdersController,
    AdminBillingController,
    AdminErrorsController,
    AdminSessionController,
  ],
  providers: [AdminGuard, QueueDashboardRegistrar, WebhookUrlPolicy],
  exports: [AdminGuard],
})
export class AdminModule {}
