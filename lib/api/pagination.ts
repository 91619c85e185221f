import { type AnyColumn, type SQL, and, eq, gt, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '@/lib/errors';

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

// Keyset cursor over (createdAt, id): stable under inserts, no OFFSET scans. The createdAt
// column must be timestamp(3): PostgreSQL's default microseconds do not survive a JS Date, and
// the cursor would then point before its own row.
export interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const [createdAt, id] = z.tuple([z.iso.datetime(), z.string().min(1)]).parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return { createdAt: new Date(createdAt), id };
  } catch {
    throw AppError.field('validation', 'cursor', 'The cursor is not one this API returned.');
  }
}

// Callers fetch limit + 1 rows; the extra one says whether there is a next page.
export function page<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor) {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}

// The keyset condition for "rows after this cursor" in list order: (time, id) strictly
// beyond the cursor, 'asc' for oldest-first lists and 'desc' for newest-first ones.
export function afterCursor(time: AnyColumn, id: AnyColumn, cursor: Cursor | null | undefined, order: 'asc' | 'desc'): SQL | undefined {
  if (!cursor) return undefined;
  const beyond = order === 'asc' ? gt : lt;
  return or(beyond(time, cursor.createdAt), and(eq(time, cursor.createdAt), beyond(id, cursor.id)));
}

// A page's ?cursor= for a server-rendered list: one from an old or edited link starts again at
// the first page instead of failing.
export function cursorParam(raw: string | string[] | undefined): Cursor | null {
  try {
    return decodeCursor(typeof raw === 'string' ? raw : undefined);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}
