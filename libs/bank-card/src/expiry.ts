/**
 * 有效期 of a payment card as printed after `VALID THRU` / `GOOD THRU` / `有效期`: month and year, `MM/YY` (ISO/IEC
 * 7813 track data holds YYMM; the face prints MM/YY, sometimes MM/YYYY). Returned as `MM/YY`.
 */
const SLASHED = /(?<![\d/])(0[1-9]|1[0-2])\s*[/／]\s*(\d{2}|20\d{2})(?![\d/])/;
// OCR often reads the slash as 1, l, I, | or 7 next to a VALID THRU label; only tried there.
const SLASH_MISREAD = /^(0[1-9]|1[0-2])[1lI|7\\-]?(\d{2})$/;

/** The `MM/YY` in `text` (a slash between month and year), or undefined. */
export function parseExpiry(text: string): string | undefined {
  const m = SLASHED.exec(text);
  return m ? `${m[1]}/${m[2].slice(-2)}` : undefined;
}

/**
 * The `MM/YY` of a value printed beside a `VALID THRU` label whose slash OCR may have misread (`09133`, `0933`):
 * only a whole line of 4–5 characters counts.
 */
export function parseExpiryBesideLabel(text: string): string | undefined {
  const slashed = parseExpiry(text);
  if (slashed) return slashed;
  const m = SLASH_MISREAD.exec(text.trim());
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** Whether a card valid through `MM/YY` has expired on `today` (`YYYY-MM-DD`): it is valid to the month's end. */
export function isExpired(expiry: string, today: string): boolean {
  const [mm, yy] = expiry.split('/');
  const through = `20${yy}-${mm}`;
  return through < today.slice(0, 7);
}
