/**
 * `YYMMDD` dates of machine-readable zones (ICAO 9303 Part 3 §4.5) to `YYYY-MM-DD`. The zone carries no century:
 * a birth date is placed in the latest century that does not put it after the reference date; an expiry date is
 * 20YY (no machine-readable document in use expired before 2000).
 */

function toIso(year: number, yymmdd: string): string {
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return '';
  return `${year}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

/** Birth date `YYMMDD` → `YYYY-MM-DD`, not after `reference` (UTC date); `''` when not a real date. */
export function mrzBirthDate(yymmdd: string, reference: Date): string {
  if (!/^\d{6}$/.test(yymmdd)) return '';
  const yy = Number(yymmdd.slice(0, 2));
  const recent = toIso(2000 + yy, yymmdd);
  const today = reference.toISOString().slice(0, 10);
  if (recent !== '' && recent <= today) return recent;
  return toIso(1900 + yy, yymmdd);
}

/** Expiry date `YYMMDD` → `20YY-MM-DD`; `''` when not a real date. */
export function mrzExpiryDate(yymmdd: string): string {
  if (!/^\d{6}$/.test(yymmdd)) return '';
  return toIso(2000 + Number(yymmdd.slice(0, 2)), yymmdd);
}
