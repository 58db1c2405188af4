import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApiKeyInputError, ApiKeysService } from '@zhengjian/access';
import { startPersistence, type PersistenceHarness } from './persistence.harness';

jest.setTimeout(120_000);

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

describe(ApiKeysService.name, () => {
  let h: PersistenceHarness;

  beforeAll(async () => {
    h = await startPersistence();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('creates a key shown once as 32 hex characters and stores only its SHA-256', async () => {
    const { id, key } = await h.keys.create({ name: 'demo', dailyQuota: 100, cardTypes: [3, 2, 2], isTest: true });
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    const rows: Record<string, unknown>[] = await h.dataSource.query('SELECT * FROM api_keys WHERE id = $1', [id]);
    expect(rows[0].key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    const dump: { t: string }[] = await h.dataSource.query(`SELECT string_agg(k::text, '|') AS t FROM api_keys k`);
    expect(dump[0].t).not.toContain(key);
    expect(await h.keys.find(id)).toMatchObject({
      id,
      name: 'demo',
      prefix: key.slice(0, 8),
      status: 'active',
      isTest: true,
      dailyQuota: 100,
      totalQuota: null,
      allowedCardTypes: [2, 3],
      expiresAt: null,
      totalUsed: 0,
    });
  });

  it('lists keys newest first without hashes or secrets', async () => {
    const first = await h.keys.create({ name: 'first' });
    const second = await h.keys.create({ name: 'second' });
    const list = await h.keys.list();
    const ids = list.map((k) => k.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    for (const k of list) {
      expect(Object.keys(k)).not.toEqual(expect.arrayContaining(['keyHash']));
      expect(JSON.stringify(k)).not.toContain(createHash('sha256').update(first.key).digest('hex'));
    }
  });

  it('disables a key, and says so when there is no such key', async () => {
    const { id } = await h.keys.create({ name: 'to disable' });
    expect(await h.keys.disable(id)).toBe(true);
    expect((await h.keys.find(id))?.status).toBe('disabled');
    expect(await h.keys.disable('00000000-0000-4000-8000-000000000000')).toBe(false);
    expect(await h.keys.disable('not-a-uuid')).toBe(false);
    expect(await h.keys.find('not-a-uuid')).toBeNull();
  });

  it.each([
    [{ name: ' ' }, 'name must be 1-200 characters'],
    [{ name: 'x', dailyQuota: -1 }, 'dailyQuota must be an integer from 0 to 2147483647'],
    [{ name: 'x', totalQuota: 1.5 }, 'totalQuota must be an integer from 0 to 2147483647'],
    [{ name: 'x', cardTypes: [2, 99999] }, 'cardType 99999 is not in the catalogue'],
    [{ name: 'x', ipDenylist: ['10.0.0.0/40'] }, 'ipDenylist entry "10.0.0.0/40" is not an IP or CIDR'],
    [{ name: 'x', expiresAt: new Date('nope') }, 'expiresAt must be a valid date'],
  ])('refuses %j', async (input, message) => {
    await expect(h.keys.create(input)).rejects.toThrow(new ApiKeyInputError(message));
  });
});

describe('cli keys', () => {
  let h: PersistenceHarness;

  beforeAll(async () => {
    h = await startPersistence();
  });

  afterAll(async () => {
    await h?.close();
  });

  async function cli(...args: string[]): Promise<{ stdout: string; code: number }> {
    return cliWith({}, ...args);
  }

  async function cliWith(
    extraEnv: Record<string, string>,
    ...args: string[]
  ): Promise<{ stdout: string; code: number }> {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const env = { ...process.env, DATA_KEY: '', DATABASE_URL: h.db.url, ...extraEnv };
    try {
      const { stdout } = await run(tsx, [join(ROOT, 'apps/cli/src/main.ts'), 'keys', ...args], { cwd: ROOT, env });
      return { stdout, code: 0 };
    } catch (err) {
      const failed = err as { stdout: string; code: number };
      return { stdout: failed.stdout, code: failed.code };
    }
  }

  it('creates, lists and disables keys, printing JSON on stdout', async () => {
    const created = await cli('create', '--name', 'cli demo', '--daily-quota', '5', '--test', '--card-types', '2,3');
    expect(created.code).toBe(0);
    const { id, key } = JSON.parse(created.stdout) as { id: string; key: string };
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(await h.keys.find(id)).toMatchObject({
      name: 'cli demo',
      dailyQuota: 5,
      isTest: true,
      allowedCardTypes: [2, 3],
    });

    const listed = await cli('list');
    const lines = listed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((k) => k.id)).toContain(id);
    expect(listed.stdout).not.toContain(key);
    expect(listed.stdout).not.toContain('keyHash');

    expect(await cli('disable', id)).toEqual({ stdout: `${JSON.stringify({ id, status: 'disabled' })}\n`, code: 0 });
    expect((await h.keys.find(id))?.status).toBe('disabled');
  });

  it('prints a webhook secret once, stored encrypted, when DATA_KEY is set', async () => {
    const dataKey = randomBytes(32).toString('base64');
    const created = await cliWith({ DATA_KEY: dataKey }, 'create', '--name', 'with secret');
    expect(created.code).toBe(0);
    const { id, webhookSecret } = JSON.parse(created.stdout) as { id: string; webhookSecret: string };
    expect(webhookSecret).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect((await h.keys.find(id))?.hasWebhookSecret).toBe(true);
    const rows: { webhook_secret_enc: string }[] = await h.dataSource.query(
      'SELECT webhook_secret_enc FROM api_keys WHERE id = $1',
      [id],
    );
    expect(String(rows[0].webhook_secret_enc)).not.toContain(webhookSecret);
    expect((await cliWith({ DATA_KEY: 'short' }, 'create', '--name', 'bad key')).code).toBe(2);
  });

  it('exits 2 for usage errors and 1 for an unknown id', async () => {
    const runs = await Promise.all([
      cli('create', '--name', 'x', '--daily-quota', 'many'),
      cli('create', '--name', 'x', '--card-types', '2,77777'),
      cli('disable', '00000000-0000-4000-8000-000000000000'),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 1]);
  });
});
