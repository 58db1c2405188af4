import { InvalidCursorError } from './invalid-cursor.error';

/**
 * Opaque keyset cursors over `(created_at, id)`, newest first. The timestamp travels as Postgres' own microsecond
 * text (a JS `Date` keeps milliseconds only, and rows created within the same millisecond would be skipped or
 * repeated), the id breaks ties. Base64url JSON: opaque to clients, trivial to debug for us.
 */
export interface KeysetPosition {
  /** `created_at` in UTC with microseconds, `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  at: string;
  id: string;
}

/** SQL giving {@link KeysetPosition.at} for a `timestamptz` column. */
export function cursorTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id]), 'utf8').toString('base64url');
}

/** @throws InvalidCursorError for anything {@link encodeCursor} did not produce. */
export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [at, id] = parsed as unknown[];
      if (typeof at === 'string' && isInstant(at) && typeof id === 'string' && UUID.test(id)) return { at, id };
    }
  } catch {
    // falls through: not JSON
  }
  throw new InvalidCursorError();
}

/** The shape {@link encodeCursor} writes, naming a real instant (not `2026-02-30`, not hour 99). */
function isInstant(at: string): boolean {
  if (!AT.test(at)) return false;
  const parsed = new Date(at);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 23) === at.slice(0, 23);
}

/** One page of a keyset listing: `nextCursor` is null on the last page. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Cuts the `limit + 1` rows a query fetched into a page: the extra row only says that there is a next page, whose
 * cursor is the position of the last row shown.
 */
export function toPage<R extends { cursor_at: string; id: string }, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
): CursorPage<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null;
  return { items: shown.map(map), nextCursor };
}
