import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './database.options';
import { runMigrations } from './migration.runner';

/**
 * The TypeORM connection of an app (Twenty/Immich style): built from `APP_CONFIG` (so `AppConfigModule.forRoot()`
 * must be imported too), and the pending migrations run before any module can use it. Global through TypeORM's core
 * module: libs register their entities with `TypeOrmModule.forFeature` and inject `DataSource` or repositories.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config),
        autoLoadEntities: true,
        // Fail fast at boot: orchestrators restart the process; the default (9 tries × 3 s) hides a bad URL.
        retryAttempts: 2,
        retryDelay: 1000,
      }),
      dataSourceFactory: async (options) => {
        if (!options) throw new Error('DatabaseModule: no DataSource options');
        const dataSource = await new DataSource(options).initialize();
        await runMigrations(dataSource);
        return dataSource;
      },
    }),
  ],
  exports: [TypeOrmModule],
})
export class DatabaseModule {}
