/**
 * Decoding of the `base64` parameter as clients really send it: with or without a `data:image/...;base64,` prefix,
 * wrapped in line breaks (MIME's 76-column lines), URL-safe (`-` `_`), without padding, or with every `+` turned
 * into a space because the client forgot to percent-encode it in a form body (form decoding reads `+` as a space).
 */

/** Why a `base64` value could not be decoded. */
export type Base64Problem = 'empty' | 'invalid';

export type Base64DecodeResult = { ok: true; bytes: Buffer } | { ok: false; problem: Base64Problem };

const DATA_URL_PREFIX = /^\s*data:[^,]{0,100};base64,/i;
const STANDARD_ALPHABET = /^[A-Za-z0-9+/]*$/;

/**
 * Decodes a tolerant Base64 image. Spaces become `+` (see above), other whitespace is dropped, `-`/`_` become
 * `+`/`/`, missing `=` padding is accepted; any other character, or a length that no Base64 text can have, is
 * `invalid`. Never throws.
 */
export function decodeBase64Image(raw: string | undefined | null): Base64DecodeResult {
  if (raw === undefined || raw === null) return { ok: false, problem: 'empty' };
  let text = raw.replace(DATA_URL_PREFIX, '');
  // Only whitespace is no image at all, not four spaces read back as `++++` (3 bytes of nothing).
  if (text.trim().length === 0) return { ok: false, problem: 'empty' };
  text = text.replace(/ /g, '+').replace(/[\t\r\n\f\v]/g, '');
  text = text.replace(/-/g, '+').replace(/_/g, '/');
  text = withoutTrailingPadding(text);
  if (text.length === 0) return { ok: false, problem: 'empty' };
  // A trailing group of one character carries only 6 bits: no byte can end there.
  if (text.length % 4 === 1 || !STANDARD_ALPHABET.test(text)) return { ok: false, problem: 'invalid' };
  return { ok: true, bytes: Buffer.from(text, 'base64') };
}

/**
 * `text` without its trailing `=` run, scanned once from the end: `/=+$/` would retry the whole run from each of its
 * positions when something follows it, quadratic in the run's length.
 */
function withoutTrailingPadding(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  return text.slice(0, end);
}
