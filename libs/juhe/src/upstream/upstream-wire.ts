/**
 * Wire helpers of the Juhe upstream client: reading the body Juhe answered and naming the uploaded file.
 * Pure functions, no I/O.
 */
import type { JuheEnvelope } from '../envelope';

/** Content type and file name of the multipart `pic` part. */
export interface UploadName {
  mime: string;
  filename: string;
}

// Juhe answers 215304 "file name type error!" to names it cannot type, so the part gets a matching extension.
const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/bmp': 'bmp',
  'image/webp': 'webp',
};

/** The image's type from its magic bytes (JPEG, PNG, BMP, WebP), else `application/octet-stream`. */
export function sniffImageMime(image: Buffer): string {
  if (image.length >= 3 && image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff) return 'image/jpeg';
  if (image.length >= 8 && image.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (image.length >= 2 && image[0] === 0x42 && image[1] === 0x4d) return 'image/bmp';
  if (image.length >= 12 && image.toString('latin1', 0, 4) === 'RIFF' && image.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return 'application/octet-stream';
}

/** `mime` when given (else sniffed), and a file name `pic.<ext>` that agrees with it. */
export function uploadName(image: Buffer, mime?: string): UploadName {
  const type = mime?.split(';')[0].trim().toLowerCase() || sniffImageMime(image);
  const normalised = type === 'image/jpg' || type === 'image/pjpeg' ? 'image/jpeg' : type;
  return { mime: normalised, filename: `pic.${EXTENSIONS[normalised] ?? 'jpg'}` };
}

/**
 * The Juhe envelope in an HTTP 200 body, or `undefined` when the body is not one (HTML from a proxy, truncated
 * JSON). Accepted: an object (or its JSON text; Juhe has served JSON as `text/html`) whose `error_code` is an
 * integer or a decimal string. `reason` defaults to `""`. A `result` object has its values made strings (numbers
 * and booleans as text, `null` as `""`, nested values as JSON), since the contract's values are strings; any other
 * `result` becomes `null`.
 */
export function parseUpstreamEnvelope(data: unknown): JuheEnvelope<Record<string, string>> | undefined {
  let body = data;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body) as unknown;
    } catch {
      return undefined;
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const raw = body as Record<string, unknown>;
  const code =
    typeof raw.error_code === 'string' && /^\d+$/.test(raw.error_code) ? Number(raw.error_code) : raw.error_code;
  if (typeof code !== 'number' || !Number.isInteger(code)) return undefined;
  const reason = typeof raw.reason === 'string' ? raw.reason : '';
  return { error_code: code, reason, result: toStringRecord(raw.result) };
}

function toStringRecord(result: unknown): Record<string, string> | null {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return null;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(result)) {
    if (typeof value === 'string') out[key] = value;
    else if (value === null || value === undefined) out[key] = '';
    else if (typeof value === 'object') out[key] = JSON.stringify(value);
    else out[key] = String(value);
  }
  return out;
}
