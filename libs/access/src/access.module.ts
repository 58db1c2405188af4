import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { DataCipher } from '@zhengjian/orders';
import { ACCESS } from './access.constants';
import { AccessService } from './access.service';
import { ApiKeyUsageEntity } from './entities/api-key-usage.entity';
import { ApiKeyEntity } from './entities/api-key.entity';
import { IpRateLimiter } from './ip-rate.limiter';
import { KeyUsageService } from './key-usage.service';
import { ApiKeysService } from './keys/api-keys.service';
import { RedisModule } from './redis/redis.module';

/**
 * API keys and the access checks. Needs `AppConfigModule.forRoot()` and `DatabaseModule` in the app; brings
 * `RedisModule` (global `REDIS` client) along. Provides `AccessService` (also as `ACCESS`, the `AccessPort`) and
 * `ApiKeysService`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ApiKeyEntity, ApiKeyUsageEntity]), RedisModule],
  providers: [
    // Webhook secrets are encrypted under DATA_KEY like every secret at rest (same cipher as OrdersModule's).
    { provide: DataCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new DataCipher(config.dataKey) },
    ApiKeysService,
    IpRateLimiter,
    KeyUsageService,
    AccessService,
    { provide: ACCESS, useExisting: AccessService },
  ],
  exports: [AccessService, ACCESS, ApiKeysService],
})
export class AccessModule {}
