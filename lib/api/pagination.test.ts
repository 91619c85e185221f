import { describe, expect, it } from 'vitest';
import { cursorParam, decodeCursor, encodeCursor, listQuerySchema, page } from './pagination';

const cursor = { createdAt: new Date('2026-03-01T08:30:15.123Z'), id: '0b5a2c1e-7d7f-4a36-9b1e-0f1d2c3b4a59' };

describe('cursors', () => {
  it('round-trip through an opaque, URL-safe string', () => {
    const raw = encodeCursor(cursor);

    expect(raw).toMatch(/^[\w-]+$/);
    expect(raw).not.toContain(cursor.id);
    expect(decodeCursor(raw)).toEqual(cursor);
  });

  it('mean "from the start" when absent', () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['JSON of the wrong shape', Buffer.from(JSON.stringify({ id: 'x' })).toString('base64url')],
    ['a bad date', Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url')],
    ['an empty id', Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), ''])).toString('base64url')],
  ])('reject %s as a validation error on the cursor field', (_what, raw) => {
    expect(() => decodeCursor(raw)).toThrow(
      expect.objectContaining({ code: 'validation', fieldErrors: [{ field: 'cursor', message: 'The cursor is not one this API returned.' }] }),
    );
  });
});

describe('page', () => {
  const rows = [1, 2, 3].map((n) => ({ n, createdAt: new Date(Date.UTC(2026, 0, n)), id: `id-${n}` }));

  it('gives a cursor after the last row shown when there is one more row', () => {
    const result = page(rows, 2, (r) => r);

    expect(result.data.map((r) => r.n)).toEqual([1, 2]);
    expect(decodeCursor(result.nextCursor ?? undefined)).toEqual({ createdAt: rows[1]?.createdAt, id: 'id-2' });
  });

  it('ends with a null cursor', () => {
    expect(page(rows, 3, (r) => r)).toEqual({ data: rows, nextCursor: null });
    expect(page([], 3, (r: (typeof rows)[number]) => r)).toEqual({ data: [], nextCursor: null });
  });
});

describe('listQuerySchema', () => {
  it('defaults the limit to 50 and reads it from a query string', () => {
    expect(listQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(listQuerySchema.parse({ limit: '10', cursor: 'abc' })).toEqual({ limit: 10, cursor: 'abc' });
  });

  it.each(['0', '201', '2.5', 'ten'])('rejects limit=%s', (limit) => {
    expect(listQuerySchema.safeParse({ limit }).error?.issues[0]?.path).toEqual(['limit']);
  });
});

describe('cursorParam', () => {
  it('reads a page’s ?cursor=, and starts again at the first page for a broken or repeated one', () => {
    const cursor = { createdAt: new Date('2026-03-01T10:00:00.123Z'), id: 'abc' };
    expect(cursorParam(encodeCursor(cursor))).toEqual(cursor);
    expect(cursorParam('not-a-cursor')).toBeNull();
    expect(cursorParam(['a', 'b'])).toBeNull();
    expect(cursorParam(undefined)).toBeNull();
  });
});
