import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createOpenApiDocumentOffline } from './openapi-document.offline';

/**
 * `node dist/apps/api/src/openapi/write-openapi-document.js FILE`: writes the api's OpenAPI document (JSON) to FILE,
 * or to stdout without one, with no database or Redis (see `createOpenApiDocumentOffline`). For client generators
 * and `npm run lint:openapi`.
 */
async function main(): Promise<void> {
  const json = `${JSON.stringify(await createOpenApiDocumentOffline(), null, 2)}\n`;
  const file = process.argv[2];
  if (file) writeFileSync(file, json);
  else process.stdout.write(json);
}

main().catch((err: unknown) => {
  process.stderr.write(`openapi: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
