/**
 * A contract-faithful stand-in for Juhe's 证件识别 host (seed document, version 2025-03-29), on 127.0.0.1 with a
 * free port, so that no test ever calls the real host. It is a test double of a REMOTE service: what an image
 * "contains" is decided by the test (`addFixture`, keyed by the image's SHA-256), not recognised.
 *
 * Answers, in this order: 404 for other paths; GET → 215301; unknown `key` → 10001; account-error mode → that
 * code; `cardType` outside the seed's list → 215303; no image → 215306; over 3 MB → 215302; cardType 2 with a
 * fixture → 0 and the seed example's keys (in the seed's order, which is not our catalogue's); else 215305.
 * Failure modes: `slow(ms)`, `fail500()`, `failTimes(n)`, `down()` (no listener: connections are refused),
 * `accountError(code)`. Every request is recorded in `requests`.
 */
import { createHash } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** What the simulator does with the next requests. */
export type SimulatorMode =
  | { kind: 'normal' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'fail500' }
  | { kind: 'failTimes'; remaining: number }
  | { kind: 'down' }
  | { kind: 'accountError'; code: number };

/** One request as the simulator received it (the image only as a hash and a length). */
export interface RecordedRequest {
  method: string;
  path: string;
  contentType: string;
  key?: string;
  cardType?: string;
  /** The uploaded file's name and type (multipart only). */
  filename?: string;
  fileType?: string;
  imageSha256?: string;
  imageBytes?: number;
}

/** The key set of the seed's ID card example, in the seed's order. */
const SEED_ID_FRONT_KEYS = ['住址', '保留', '公民身份号码', '出生', '头像', '姓名', '性别', '民族'] as const;
/** Every cardType of the seed's list (our own codes 19 and 1100 are not Juhe's). */
const SEED_CARD_TYPES = new Set([
  1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 22, 25, 26, 28, 29, 30, 31, 32, 33, 101, 102, 103, 104, 1000,
  1001, 1002, 1003, 2008, 3038,
]);
const PATHS = new Map([
  ['/certificates/query', 'pic'],
  ['/certificates/query.php', 'pic'],
  ['/certificates/queryBase64', 'base64'],
  ['/certificates/queryBase64.php', 'base64'],
]);
const MAX_IMAGE_BYTES = 3 * 1024 * 1024;
const REASONS: Readonly<Record<number, string>> = {
  215301: '不支持GET请求',
  215302: '上传文件超过最大限制!',
  215303: 'cardType error!',
  215305: '识别失败!',
  215306: '图片上传失败',
  10001: '错误的请求KEY',
  10012: '请求超过次数限制',
};

export class JuheSimulator {
  readonly requests: RecordedRequest[] = [];
  private readonly fixtures = new Map<string, Partial<Record<string, string>>>();
  private readonly keys: Set<string>;
  private mode: SimulatorMode = { kind: 'normal' };
  private server: Server | undefined;
  private port = 0;
  private orders = 0;
  private stopping = new AbortController();

  /** @param keys the appkeys the simulated account accepts. */
  constructor(keys: readonly string[] = ['sim-appkey']) {
    this.keys = new Set(keys);
  }

  static sha256(data: Buffer): string {
    return createHash('sha256').update(data).digest('hex');
  }

  /** `http://127.0.0.1:<port>`, stable across `down()` and back. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.stopping = new AbortController();
    await this.listen(0);
    return this;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.close();
  }

  /** Says what `image` shows, for cardType 2: the given fields, `""` for the other seed keys. */
  addFixture(image: Buffer, fields: Partial<Record<string, string>>): void {
    this.fixtures.set(JuheSimulator.sha256(image), fields);
  }

  normal(): Promise<void> {
    return this.setMode({ kind: 'normal' });
  }
  slow(delayMs: number): Promise<void> {
    return this.setMode({ kind: 'slow', delayMs });
  }
  fail500(): Promise<void> {
    return this.setMode({ kind: 'fail500' });
  }
  /** Answers HTTP 500 to the next `times` requests, then behaves normally. */
  failTimes(times: number): Promise<void> {
    return this.setMode({ kind: 'failTimes', remaining: times });
  }
  /** Closes the listener and every open connection: new connections are refused until another mode is set. */
  down(): Promise<void> {
    return this.setMode({ kind: 'down' });
  }
  accountError(code: number): Promise<void> {
    return this.setMode({ kind: 'accountError', code });
  }

  private async setMode(mode: SimulatorMode): Promise<void> {
    const wasDown = this.mode.kind === 'down';
    this.mode = mode;
    if (mode.kind === 'down' && !wasDown) await this.close();
    if (mode.kind !== 'down' && wasDown) await this.listen(this.port);
  }

  private listen(port: number): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res).catch(() => res.destroy()));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        this.port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const contentType = req.headers['content-type'] ?? '';
    const body = Buffer.concat(await req.toArray());
    const form = await parseForm(body, contentType);
    const field = (name: string) => (typeof form?.get(name) === 'string' ? String(form.get(name)) : undefined);
    const record: RecordedRequest = { method: req.method ?? '', path: url.pathname, contentType };
    const key = field('key') ?? url.searchParams.get('key') ?? undefined;
    const cardType = field('cardType') ?? url.searchParams.get('cardType') ?? undefined;
    if (key !== undefined) record.key = key;
    if (cardType !== undefined) record.cardType = cardType;
    const image = await imageOf(form, PATHS.get(url.pathname), record);
    this.requests.push(record);

    if (this.mode.kind === 'fail500' || (this.mode.kind === 'failTimes' && this.mode.remaining > 0)) {
      if (this.mode.kind === 'failTimes') this.mode.remaining -= 1;
      res.writeHead(500, { 'content-type': 'text/html' }).end('<html><body>500 Internal Server Error</body></html>');
      return;
    }
    if (this.mode.kind === 'slow') await delay(this.mode.delayMs, undefined, { signal: this.stopping.signal });
    if (!PATHS.has(url.pathname)) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>404 Not Found</body></html>');
      return;
    }
    send(res, this.answer(req.method ?? '', key, cardType, image, field('orderid'), field('userid')));
  }

  private answer(method: string, key?: string, cardType?: string, image?: Buffer, orderid?: string, userid?: string) {
    if (method !== 'POST') return failure(215301);
    if (key === undefined || !this.keys.has(key)) return failure(10001);
    if (this.mode.kind === 'accountError') return failure(this.mode.code);
    const type = cardType !== undefined && /^\d+$/.test(cardType) ? Number(cardType) : NaN;
    if (!SEED_CARD_TYPES.has(type)) return failure(215303);
    if (!image || image.length === 0) return failure(215306);
    if (image.length > MAX_IMAGE_BYTES) return failure(215302);
    const fixture = this.fixtures.get(JuheSimulator.sha256(image));
    if (type !== 2 || !fixture) return failure(215305);
    const result: Record<string, string> = {};
    for (const k of SEED_ID_FRONT_KEYS) result[k] = fixture[k] ?? '';
    if (orderid === '1') result.orderid = `JH${Date.now()}${String(++this.orders).padStart(9, '0')}`;
    if (userid !== undefined) result.userid = userid;
    return { error_code: 0, reason: '操作成功', result };
  }
}

async function parseForm(body: Buffer, contentType: string): Promise<FormData | undefined> {
  if (!/multipart\/form-data|application\/x-www-form-urlencoded/i.test(contentType)) return undefined;
  try {
    return await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return undefined; // a malformed body: Juhe answers as if nothing was uploaded
  }
}

async function imageOf(form: FormData | undefined, part: string | undefined, record: RecordedRequest) {
  const value = part ? form?.get(part) : undefined;
  let image: Buffer | undefined;
  if (value instanceof Blob) {
    image = Buffer.from(await value.arrayBuffer());
    if ('name' in value && typeof value.name === 'string') record.filename = value.name;
    record.fileType = value.type;
  } else if (typeof value === 'string' && value !== '') {
    image = Buffer.from(value, 'base64');
  }
  if (image) Object.assign(record, { imageSha256: JuheSimulator.sha256(image), imageBytes: image.length });
  return image;
}

function failure(code: number) {
  return { error_code: code, reason: REASONS[code] ?? '系统内部异常', result: null };
}

function send(res: ServerResponse, envelope: object): void {
  if (res.destroyed) return; // the client gave up (timeout) while we were slow
  res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' }).end(JSON.stringify(envelope));
}
