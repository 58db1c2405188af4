import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '@zhengjian/config';
import { ApiModule } from '../api.module';
import { createOpenApiDocument } from './openapi.setup';

/**
 * Placeholders for the required settings: in preview mode no provider is built, so nothing connects and nothing is
 * decrypted; they only keep the config module from reading the environment.
 */
const PLACEHOLDER_CONFIG: Partial<AppConfig> = {
  databaseUrl: 'postgres://openapi.invalid/zhengjian',
  redisUrl: 'redis://openapi.invalid:6379',
  dataKey: Buffer.alloc(32),
  adminToken: 'openapi-document-placeholder',
};

/**
 * The api's OpenAPI document (the one served at `/docs-json`) without PostgreSQL, Redis or a valid environment: the
 * application is created in Nest's preview mode, where modules and controllers are registered but no provider is
 * instantiated. Needs decorator metadata (`emitDecoratorMetadata`): run it compiled by tsc (`npm run build`) or
 * ts-jest, not through esbuild-based runners such as tsx.
 */
export async function createOpenApiDocumentOffline(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule.forRoot(PLACEHOLDER_CONFIG), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
