import { Logger } from '@nestjs/common';
import { ApiKeyInputError, ApiKeysService, type ApiKeySummary } from '@zhengjian/access';
import { InvalidConfigError, applyDotEnvFile, loadDatabaseUrl } from '@zhengjian/config';
import { createDataSource, runMigrations } from '@zhengjian/database';
import { DataCipher } from '@zhengjian/orders';
import { Command, InvalidArgumentError } from 'commander';
import { UsageError } from './usage.error';
import { StderrLogger } from './stderr-logger';

interface CreateOptions {
  name: string;
  dailyQuota?: number;
  totalQuota?: number;
  test: boolean;
  cardTypes?: number[];
  expires?: Date;
}

/**
 * Registers `keys create|list|disable` on the CLI. They connect to `DATABASE_URL` (environment, or `./.env`), apply
 * pending migrations under the advisory lock, and print JSON on stdout (logs go to stderr). Exit codes: 0 done,
 * 1 failure (database unreachable, unknown id), 2 usage error (bad option, bad `DATABASE_URL`).
 */
export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('Manage API keys in the database (DATABASE_URL)');

  keys
    .command('create')
    .description(
      'Create a key; prints {"id","key"} once (plus "webhookSecret" when DATA_KEY is set): only a hash of the key is stored',
    )
    .requiredOption('--name <name>', "operator's label for the key")
    .option('--daily-quota <n>', 'requests per day (QUOTA_TIME_ZONE); default unlimited', count)
    .option('--total-quota <n>', 'requests in total; default unlimited', count)
    .option('--test', 'a test key: TEST_KEY_LIMIT requests in total', false)
    .option('--card-types <list>', 'allowed cardTypes, comma-separated (e.g. 2,3); default all', cardTypes)
    .option('--expires <iso>', 'expiry instant, ISO 8601 (e.g. 2027-01-01T00:00:00Z)', instant)
    .action(async (opts: CreateOptions) => {
      await withKeys(async (service) => {
        const created = await service.create({
          name: opts.name,
          dailyQuota: opts.dailyQuota ?? null,
          totalQuota: opts.totalQuota ?? null,
          isTest: opts.test,
          cardTypes: opts.cardTypes ?? null,
          expiresAt: opts.expires ?? null,
        });
        print(created.webhookSecret ? created : { id: created.id, key: created.key });
      });
    });

  keys
    .command('list')
    .description('List keys, newest first, one JSON object per line (never the key or its hash)')
    .action(async () => {
      await withKeys(async (service) => {
        for (const key of await service.list()) print(key satisfies ApiKeySummary);
      });
    });

  keys
    .command('disable')
    .description('Disable a key: its requests answer 10009 from now on')
    .argument('<id>', 'the key id printed by keys create / keys list')
    .action(async (id: string) => {
      await withKeys(async (service) => {
        if (!(await service.disable(id))) throw new Error(`no key with id ${id}`);
        print({ id, status: 'disabled' });
      });
    });
}

/** Opens the database, runs `work`, closes it; maps failures to the exit codes above. */
async function withKeys(work: (service: ApiKeysService) => Promise<void>): Promise<void> {
  // stdout carries the JSON answer only; migration and key logs go to stderr.
  Logger.overrideLogger(new StderrLogger({ logLevels: ['error', 'warn', 'log'] }));
  let databaseUrl: string;
  let cipher: DataCipher | undefined;
  try {
    applyDotEnvFile();
    databaseUrl = loadDatabaseUrl();
    cipher = webhookCipher();
  } catch (err) {
    if (err instanceof InvalidConfigError) throw new UsageError(err.message);
    throw err;
  }
  const dataSource = createDataSource({ databaseUrl }, 2);
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    await work(new ApiKeysService(dataSource, cipher));
  } catch (err) {
    if (err instanceof ApiKeyInputError) throw new UsageError(err.message);
    process.stderr.write(`error: keys: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

/**
 * With `DATA_KEY` (environment or `.env`) the CLI can store webhook secrets as the api does; without it, keys are
 * created without one (rotate one later with `POST /admin/keys/:id/rotate-webhook-secret`).
 */
function webhookCipher(): DataCipher | undefined {
  const raw = process.env.DATA_KEY;
  if (!raw) return undefined;
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new UsageError('DATA_KEY must be 32 random bytes in Base64 (openssl rand -base64 32)');
  return new DataCipher(key);
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

function count(value: string): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) > 2_147_483_647) {
    throw new InvalidArgumentError('expected a whole number from 0 to 2147483647');
  }
  return Number(value);
}

function cardTypes(value: string): number[] {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d{1,5}$/.test(part))) {
    throw new InvalidArgumentError('expected cardType numbers separated by commas, e.g. 2,3');
  }
  return parts.map(Number);
}

function instant(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError('expected an ISO 8601 date or instant, e.g. 2027-01-01T00:00:00Z');
  }
  return date;
}
