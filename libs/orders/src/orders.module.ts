import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { DataCipher } from './crypto/data.cipher';
import { BillingRecordEntity } from './entities/billing-record.entity';
import { ErrorEventEntity } from './entities/error-event.entity';
import { OrderImageEntity } from './entities/order-image.entity';
import { OrderEntity } from './entities/order.entity';
import { ORDERS } from './orders.constants';
import { OrderErasureService } from './order-erasure.service';
import { OrdersService } from './orders.service';

/**
 * Orders, billing and error history. Needs `AppConfigModule.forRoot()` and `DatabaseModule` in the app. Provides
 * `OrdersService` (also as `ORDERS`, the `OrdersPort`), `OrderErasureService` (retention and erasure requests) and
 * the `DataCipher` under `DATA_KEY`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OrderEntity, OrderImageEntity, BillingRecordEntity, ErrorEventEntity])],
  providers: [
    { provide: DataCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new DataCipher(config.dataKey) },
    OrdersService,
    { provide: ORDERS, useExisting: OrdersService },
    OrderErasureService,
  ],
  exports: [DataCipher, OrdersService, ORDERS, OrderErasureService],
})
export class OrdersModule {}
