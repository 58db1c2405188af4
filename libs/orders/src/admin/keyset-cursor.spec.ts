import { InvalidCursorError } from './invalid-cursor.error';
import { decodeCursor, encodeCursor, toPage } from './keyset-cursor';

const POSITION = { at: '2026-11-29T15:04:05.123456Z', id: '8f0c2a4e-1b2c-4d5e-8f90-0123456789ab' };

describe('keyset cursors', () => {
  it('round-trips a position, microseconds included, as opaque base64url', () => {
    const cursor = encodeCursor(POSITION);
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(decodeCursor(cursor)).toEqual(POSITION);
  });

  it.each([
    ['not base64 JSON', 'abc'],
    ['JSON of another shape', Buffer.from('{"at":1}').toString('base64url')],
    ['a millisecond timestamp', encodeCursor({ ...POSITION, at: '2026-11-29T15:04:05.123Z' })],
    ['an id that is not a uuid', encodeCursor({ ...POSITION, id: "1' OR '1'='1" })],
  ])('refuses %s', (_, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidCursorError);
  });

  it('cuts limit + 1 rows into a page whose cursor is the last row shown', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `${n}`, cursor_at: `t${n}` }));
    const page = toPage(rows, 2, (row) => row.id);
    expect(page.items).toEqual(['1', '2']);
    expect(JSON.parse(Buffer.from(page.nextCursor!, 'base64url').toString())).toEqual(['t2', '2']);
    expect(toPage(rows, 3, (row) => row.id).nextCursor).toBeNull();
  });
});

describe('decodeCursor on long input', () => {
  it('refuses a cursor of the right shape naming no real instant', () => {
    for (const at of ['9999-99-99T99:99:99.999999Z', '2026-02-30T00:00:00.000000Z', '2026-01-01T24:00:00.000000Z']) {
      const cursor = Buffer.from(JSON.stringify([at, POSITION.id])).toString('base64url');
      expect(() => decodeCursor(cursor)).toThrow(InvalidCursorError);
    }
  });

  it('refuses a cursor of a whole request body (5 MB) of base64url text', () => {
    expect(() => decodeCursor('W'.repeat(5 * 1024 * 1024))).toThrow(InvalidCursorError);
  });
});
