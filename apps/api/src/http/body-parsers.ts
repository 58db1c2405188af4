import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import iconv from 'iconv-lite';

/**
 * Why a request body could not be read, whatever the parser said: `status` 413 for a body (or parameter count) over
 * the limit, 400/415 for anything unreadable (bad JSON, broken or unsupported `Content-Encoding`, unknown charset).
 * {@link bodyParseErrors} turns every parser failure into this, so the exception filters recognise a body failure by
 * its class, not by the shape of some library's error.
 */
export class BodyParseError extends Error {
  override readonly name = 'BodyParseError';

  constructor(
    readonly status: number,
    message: string,
    /** body-parser's error `type` (`entity.parse.failed`, `encoding.unsupported`, …) when it gave one. */
    readonly type: string | undefined,
  ) {
    super(message);
  }

  static from(err: unknown): BodyParseError {
    if (err instanceof BodyParseError) return err;
    const { status, statusCode, type, message } = (err ?? {}) as {
      status?: unknown;
      statusCode?: unknown;
      type?: unknown;
      message?: unknown;
    };
    const typeName = typeof type === 'string' ? type : undefined;
    const code = typeof status === 'number' ? status : typeof statusCode === 'number' ? statusCode : 400;
    const bounded = typeName === 'entity.too.large' ? 413 : code >= 400 && code < 500 ? code : 400;
    return new BodyParseError(bounded, typeof message === 'string' ? message : 'unreadable body', typeName);
  }
}

/** body-parser's error type for a client gone before its body was read (multipart uploads use it too). */
export const REQUEST_ABORTED = 'request.aborted';

/** Whether a failure is a client gone mid-upload: nobody is left to answer, and it is not an error of the service. */
export function isClientGone(exception: unknown): boolean {
  return exception instanceof BodyParseError && exception.type === REQUEST_ABORTED;
}

/** Charsets body-parser's urlencoded parser reads itself; any other declared charset is decoded here. */
const NATIVE_FORM_CHARSETS: ReadonlySet<string> = new Set(['utf-8', 'iso-8859-1']);

const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Whether body-parser's urlencoded parser would refuse this request's charset although `iconv-lite` can decode it:
 * a form body declaring `charset=GBK`/`gb2312`/`gb18030`/`utf8`… (Chinese Juhe clients). Such bodies are read raw
 * (the `type` of a raw parser, limit and `Content-Encoding` as for the others) and decoded by
 * {@link foreignCharsetForm}; an unknown charset is left to body-parser, which refuses it (415 → 215307).
 */
export function isForeignCharsetForm(req: Request): boolean {
  const charset = declaredCharset(req);
  if (charset === undefined || NATIVE_FORM_CHARSETS.has(charset)) return false;
  return Boolean(req.is(FORM_TYPE)) && iconv.encodingExists(charset);
}

/**
 * Turns the raw body of an {@link isForeignCharsetForm} request into the flat parameter object body-parser would have
 * made (`extended: false`), so the controllers see no difference. Runs after the raw parser, before the others
 * (which skip a body already read).
 */
export function foreignCharsetForm(parameterLimit: number): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!Buffer.isBuffer(req.body) || !isForeignCharsetForm(req)) return next();
    try {
      req.body = parseForm(req.body, formOutputEncoding(declaredCharset(req) ?? 'utf-8'), parameterLimit);
      next();
    } catch (err) {
      next(err);
    }
  };
}

/**
 * The error middleware right after the body parsers: whatever they failed with (http-errors with or without a
 * `type`, a zlib error of a broken `br`/`gzip` body) goes on as a {@link BodyParseError}.
 */
export function bodyParseErrors(): ErrorRequestHandler {
  return (err: unknown, _req: Request, _res: Response, next: NextFunction) => next(BodyParseError.from(err));
}

/**
 * Deepest nesting of arrays and objects a JSON body may have. No request of this api nests beyond 3; class-validator
 * and Nest's ValidationPipe walk bodies recursively and overflow the stack (a 500) on a body nested some thousand
 * levels deep, which fits easily in the size limit.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Right after the JSON parser: a parsed body nested deeper than {@link MAX_JSON_DEPTH} goes on as an unreadable
 * JSON body (`BodyParseError` 400, `entity.parse.failed`: 215307 `request body is not valid JSON` on the Juhe and
 * `/v1` endpoints, 400 on `/admin`), before anything walks it recursively. Checked with an explicit stack.
 */
export function jsonDepthLimit(maxDepth: number = MAX_JSON_DEPTH): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const body: unknown = req.body;
    if (body === null || typeof body !== 'object' || Buffer.isBuffer(body) || !nestedDeeperThan(body, maxDepth)) {
      return next();
    }
    next(new BodyParseError(400, `JSON nested deeper than ${maxDepth} levels`, 'entity.parse.failed'));
  };
}

/** Whether arrays/objects inside `root` (depth 1) reach deeper than `maxDepth`; iterative, linear in the size. */
export function nestedDeeperThan(root: object, maxDepth: number): boolean {
  const stack: [object, number][] = [[root, 1]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [value, depth] = entry;
    if (depth > maxDepth) return true;
    for (const child of Object.values(value)) {
      if (child !== null && typeof child === 'object') stack.push([child as object, depth + 1]);
    }
  }
  return false;
}

/**
 * The encoding the percent-escaped bytes of a form body are in, given its declared charset: a form-urlencoded body
 * is ASCII, so a client declaring UTF-16 or UTF-32 (which cannot encode it as ASCII) escaped UTF-8 bytes, as the
 * WHATWG URL Standard's `application/x-www-form-urlencoded` serializer does ("get an output encoding").
 */
export function formOutputEncoding(charset: string): string {
  return /^(?:utf-?(?:16|32)(?:le|be)?|ucs-?[24]|replacement)$/.test(charset) ? 'utf-8' : charset;
}

/** The `charset` parameter of the request's `Content-Type`, lower-cased; undefined when none is declared. */
function declaredCharset(req: Request): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(req.headers['content-type'] ?? '');
  return match?.[1]?.toLowerCase();
}

/**
 * Decodes a form-urlencoded body in `charset`, as `querystring.parse` does for UTF-8: pairs split at `&`, name and
 * value at the first `=`, `+` is a space, `%XX` is a byte (a malformed `%` stays as is); the bytes of each name and
 * value are then decoded in the charset. Splitting on bytes is safe for GBK/GB18030, whose multi-byte sequences
 * never contain `&`, `=`, `+` or `%`. A repeated name gives an array, as with body-parser.
 *
 * @throws BodyParseError 413 beyond `parameterLimit` pairs.
 */
export function parseForm(body: Buffer, charset: string, parameterLimit: number): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  let count = 0;
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf(0x26, start);
    if (end === -1) end = body.length;
    if (end > start) {
      if (++count > parameterLimit) {
        throw new BodyParseError(413, 'too many parameters', 'parameters.too.many');
      }
      const pair = body.subarray(start, end);
      const eq = pair.indexOf(0x3d);
      const name = iconv.decode(percentDecode(eq === -1 ? pair : pair.subarray(0, eq)), charset);
      const value = eq === -1 ? '' : iconv.decode(percentDecode(pair.subarray(eq + 1)), charset);
      const previous = out[name];
      if (previous === undefined) out[name] = value;
      else if (Array.isArray(previous)) previous.push(value);
      else out[name] = [previous, value];
    }
    start = end + 1;
  }
  return out;
}

/** `+` → space, `%XX` → the byte; anything else (including a malformed `%`) is kept as is. */
function percentDecode(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x2b) {
      out[n++] = 0x20;
    } else if (byte === 0x25 && i + 2 < bytes.length && isHex(bytes[i + 1]!) && isHex(bytes[i + 2]!)) {
      out[n++] = (hexValue(bytes[i + 1]!) << 4) | hexValue(bytes[i + 2]!);
      i += 2;
    } else {
      out[n++] = byte;
    }
  }
  return out.subarray(0, n);
}

function isHex(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}

function hexValue(byte: number): number {
  if (byte <= 0x39) return byte - 0x30;
  return (byte | 0x20) - 0x61 + 10;
}
