import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { type RunningService, startService } from '../service/service.harness';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const FRONT = join(ROOT, 'samples', 'id-front.jpg');
const BACK = join(ROOT, 'samples', 'id-back.jpg');
const ORDER_ID = /^JH\d{22}$/;
/** Bounds each client process: the JVM compiles the source first, and the OCR runs on 2 shared cores. */
const CLIENT_TIMEOUT_MS = 150_000;
const TEST_TIMEOUT = 180_000;
const INSTALL_HINT = 'run `bash scripts/install-system-deps.sh`';

/** The exact results of `samples/README.md` (invented person). */
const FRONT_RESULT = {
  保留: '',
  姓名: '石帆',
  性别: '男',
  民族: '汉',
  出生: '1974-03-12',
  住址: '上海市徐汇区青年路206号融侨公寓12栋5单元2603室',
  公民身份号码: '31010419740312117X',
  头像: expect.stringMatching(/^\/9j\//),
};
const BACK_RESULT = {
  保留: '',
  签发机关: '上海市公安局徐汇分局',
  有效期限: '2016.11.06-2036.11.06',
  签发日期: '2016-11-06',
  有效期至: '2036-11-06',
};

/** Fails (never skips) with the install hint when a client runtime is missing. */
async function requireRuntime(what: string, file: string, args: string[]): Promise<void> {
  try {
    await run(file, args, { timeout: 30_000 });
  } catch (err) {
    throw new Error(`${what} is missing (${(err as Error).message.split('\n')[0]}): ${INSTALL_HINT}`);
  }
}

/**
 * The Juhe client idioms people actually use, run as real programs against the api and worker listening on
 * 127.0.0.1: Java's HttpClient with a hand-built multipart body, PHP curl with an array of post fields (CURLFile and
 * base64_encode), Python requests (form data and files=). Each order is billed exactly once.
 */
describe('Juhe clients (Java, PHP, Python) against the running service', () => {
  let service: RunningService;
  let url: string;
  let key: string;
  let dir: string;
  /** Requests that arrived with `Expect: 100-continue`. */
  let expectContinue = 0;
  const orderids: string[] = [];

  beforeAll(async () => {
    service = await startService({ syncTimeoutMs: 90_000, workerConcurrency: 1 });
    const server = service.api.getHttpServer() as Server;
    // Counts, then does what Node does without a listener: answers 100 Continue and handles the request.
    server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
      expectContinue++;
      res.writeContinue();
      server.emit('request', req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    key = (await service.createKey()).key;
    dir = await mkdtemp(join(tmpdir(), 'zhengjian-clients-'));
  }, TEST_TIMEOUT);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await service?.close();
  }, 60_000);

  /** Runs one client, parses its stdout (the raw response body) and records the orderid. */
  async function client(file: string, args: string[]): Promise<unknown> {
    const { stdout } = await run(file, args, { timeout: CLIENT_TIMEOUT_MS, maxBuffer: 8 * 1024 * 1024 });
    const body = JSON.parse(stdout) as { result?: { orderid?: string } };
    if (body.result?.orderid) orderids.push(body.result.orderid);
    return body;
  }
  const ok = (result: object, userid: string) => ({
    error_code: 0,
    reason: '操作成功',
    result: { ...result, orderid: expect.stringMatching(ORDER_ID), userid },
  });

  it(
    'Java HttpClient: hand-built multipart/form-data to /certificates/query (ID front)',
    async () => {
      await requireRuntime('Java 17 (java)', 'java', ['-version']);
      const body = await client('java', [join(__dirname, 'JuheClient.java'), url, key, '2', FRONT, 'java-2']);
      expect(body).toEqual(ok(FRONT_RESULT, 'java-2'));
    },
    TEST_TIMEOUT,
  );

  describe('PHP curl with an array of post fields', () => {
    const php = (cardType: string, image: string, userid: string, mode: 'pic' | 'base64') =>
      client('php', [join(__dirname, 'juhe_client.php'), url, key, cardType, image, userid, mode]);
    beforeEach(() =>
      requireRuntime('PHP with curl (php-cli, php-curl)', 'php', ['-r', 'exit(function_exists("curl_init") ? 0 : 1);']),
    );

    it(
      "CURLFile as 'pic' to /certificates/query.php (ID front)",
      async () => {
        expect(await php('2', FRONT, 'php-2', 'pic')).toEqual(ok(FRONT_RESULT, 'php-2'));
      },
      TEST_TIMEOUT,
    );

    it(
      "'base64' => base64_encode(...) to /certificates/queryBase64.php (ID back)",
      async () => {
        expect(await php('3', BACK, 'php-3', 'base64')).toEqual(ok(BACK_RESULT, 'php-3'));
      },
      TEST_TIMEOUT,
    );

    it(
      'a body over 1 MB, which curl sends with Expect: 100-continue (ID front at twice the size)',
      async () => {
        // libcurl adds the header to POST bodies over 1 MiB: a ~1 MB JPEG makes a ~1.3 MB multipart body.
        const large = join(dir, 'id-front-large.jpg');
        await sharp(FRONT).resize({ width: 2302 }).jpeg({ quality: 100 }).toFile(large);
        const before = expectContinue;
        expect(await php('2', large, 'php-2l', 'base64')).toEqual(ok(FRONT_RESULT, 'php-2l'));
        expect(expectContinue).toBe(before + 1);
      },
      TEST_TIMEOUT,
    );
  });

  describe('Python requests', () => {
    const python = (cardType: string, image: string, userid: string, mode: 'pic' | 'base64') =>
      client('python3', [join(__dirname, 'juhe_client.py'), url, key, cardType, image, userid, mode]);
    beforeEach(() => requireRuntime('python3 with requests', 'python3', ['-c', 'import requests']));

    it(
      'data={...} with base64 to /certificates/queryBase64 (ID front)',
      async () => {
        expect(await python('2', FRONT, 'py-2', 'base64')).toEqual(ok(FRONT_RESULT, 'py-2'));
      },
      TEST_TIMEOUT,
    );

    it(
      "data={...}, files={'pic': open(path, 'rb')} to /certificates/query (ID back)",
      async () => {
        expect(await python('3', BACK, 'py-3', 'pic')).toEqual(ok(BACK_RESULT, 'py-3'));
      },
      TEST_TIMEOUT,
    );
  });

  it('billed each of the six orders exactly once', async () => {
    expect(new Set(orderids).size).toBe(6);
    const { rows } = await service.sql.query<{ orderid: string; error_code: number; billed: string }>(
      `SELECT o.orderid, o.error_code, (SELECT count(*) FROM billing_records b WHERE b.order_id = o.id) AS billed
         FROM orders o ORDER BY o.orderid`,
    );
    expect(rows).toEqual([...orderids].sort().map((orderid) => ({ orderid, error_code: 0, billed: '1' })));
  });
});
