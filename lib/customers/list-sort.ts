import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { customers } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type CustomerSort, type SortOrder, customerSorts } from './list-query';

// How each sort runs in SQL. Every key is NOT NULL (missing values become ±infinity), so a page
// boundary is one row comparison `(key, id) > (value, id)` that an index on
// (tenant_id, key, id) answers directly, however deep the page (see db/schema/customers.ts).
export interface SortSpec {
  key: SQL;
  direction: SortOrder;
  // The key's SQL type, for reading a cursor value back.
  type: 'text' | 'timestamptz' | 'integer' | 'date';
}

// Never written counts as the oldest: last when newest first. The list's filters on last
// interaction and age use these same expressions, so the same indexes serve them.
export const lastInteractionKey = sql`coalesce(${customers.lastInteractionAt}, '-infinity'::timestamptz)`;
// Age is the date of birth reversed. Unknown ages come last either way, so each direction has
// its own key: youngest first walks the -infinity key down, oldest first the infinity key up.
const bornYoungestFirst = sql`coalesce(${customers.dateOfBirth}, '-infinity'::date)`;
export const bornOldestFirst = sql`coalesce(${customers.dateOfBirth}, 'infinity'::date)`;

export function sortSpec(sort: CustomerSort, order: SortOrder): SortSpec {
  switch (sort) {
    case 'created':
      return { key: sql`${customers.createdAt}`, direction: order, type: 'timestamptz' };
    case 'name':
      return { key: sql`lower(${customers.name})`, direction: order, type: 'text' };
    case 'lastInteraction':
      return { key: lastInteractionKey, direction: order, type: 'timestamptz' };
    case 'inbound':
      return { key: sql`${customers.inboundCount}`, direction: order, type: 'integer' };
    case 'outbound':
      return { key: sql`${customers.outboundCount}`, direction: order, type: 'integer' };
    case 'age':
      return order === 'asc' ? { key: bornYoungestFirst, direction: 'desc', type: 'date' } : { key: bornOldestFirst, direction: 'asc', type: 'date' };
  }
}

// A page boundary: the sort it belongs to, the key's value as PostgreSQL prints it (exact for
// timestamps to the microsecond) and the row id; `before` walks back to the previous page.
interface ListCursor {
  sort: CustomerSort;
  order: SortOrder;
  value: string;
  id: string;
  before: boolean;
}

const cursorSchema = z.tuple([z.enum(customerSorts), z.enum(['asc', 'desc']), z.string().max(300), z.uuid(), z.boolean()]);

export function encodeListCursor(c: ListCursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.order, c.value, c.id, c.before])).toString('base64url');
}

export function decodeListCursor(raw: string | undefined, sort: CustomerSort, order: SortOrder): ListCursor | null {
  if (!raw) return null;
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw AppError.field('validation', 'cursor', 'The cursor is not one this API returned.');
  }
  const [cursorSort, cursorOrder, value, id, before] = parsed;
  if (cursorSort !== sort || cursorOrder !== order) {
    throw AppError.field('validation', 'cursor', 'The cursor belongs to another sort order; start again without it.');
  }
  return { sort, order, value, id, before };
}

// Rows strictly beyond the cursor in the direction the query walks.
export function beyondCursor(spec: SortSpec, cursor: ListCursor, direction: SortOrder): SQL {
  const op = sql.raw(direction === 'asc' ? '>' : '<');
  return sql`(${spec.key}, ${customers.id}) ${op} (${cursor.value}::${sql.raw(spec.type)}, ${cursor.id}::uuid)`;
}

export function orderBy(spec: SortSpec, direction: SortOrder): SQL[] {
  const dir = sql.raw(direction);
  return [sql`${spec.key} ${dir}`, sql`${customers.id} ${dir}`];
}
