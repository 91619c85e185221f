import { type SQL, and, eq, getTableColumns, gt, gte, ilike, inArray, like, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Customer, customers } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenants/context';
import { dateOfBirthRange } from './age-range';
import { likePattern } from './customers';
import { type CustomerListQuery, type SortOrder, defaultOrder, valueFilters } from './list-query';
import { type SortSpec, beyondCursor, bornOldestFirst, decodeListCursor, encodeListCursor, lastInteractionKey, orderBy, sortSpec } from './list-sort';
import { toE164 } from './phone';

// The customers list for GET /api/v1/customers and the customers page: filters, search, sort
// and keyset pages in both directions, and a capped count.

export const COUNT_CAP = 10_000;

const DAY_MS = 86_400_000;

// Something typed like a number ("+60 12-345 6789", "0123", "6789"): an exact match when it is
// a whole number, else at least 3 digits matched anywhere in the number.
function searchCondition(raw: string | undefined): SQL | undefined {
  const term = raw?.trim();
  if (!term) return undefined;
  if (/^[\d\s()+.-]+$/.test(term)) {
    const phone = toE164(term);
    if (phone) return eq(customers.phone, phone);
    const digits = term.replace(/\D/g, '');
    if (digits.length >= 3) return like(customers.phone, `%${digits}%`);
  }
  const pattern = likePattern(term);
  return or(ilike(customers.name, pattern), ilike(customers.profileName, pattern));
}

function phoneCondition(raw: string | undefined): SQL | undefined {
  if (raw === undefined) return undefined;
  const phone = toE164(raw);
  if (!phone) throw AppError.field('validation', 'phone', 'Not a valid phone number; write it with the country code, e.g. +60123456789.');
  return eq(customers.phone, phone);
}

function ageCondition(query: CustomerListQuery, now: Date): SQL | undefined {
  if (query.ageMin === undefined && query.ageMax === undefined) return undefined;
  const range = dateOfBirthRange({ min: query.ageMin, max: query.ageMax }, now);
  // The upper bound is always there, so unknown ages (infinity) never match.
  return and(lte(bornOldestFirst, range.bornOnOrBefore), range.bornAfter ? gt(bornOldestFirst, range.bornAfter) : undefined);
}

function lastInteractionCondition(query: CustomerListQuery, now: Date): SQL | undefined {
  const within = query.lastInteractionWithinDays;
  const before = query.lastInteractionBefore;
  return and(
    // ISO strings: the key is an expression, so no column type tells the driver about Dates.
    within === undefined ? undefined : gte(lastInteractionKey, new Date(now.getTime() - within * DAY_MS).toISOString()),
    // Midnight in Malaysia; never written (-infinity) is before any date.
    before === undefined ? undefined : lt(lastInteractionKey, `${before}T00:00:00+08:00`),
  );
}

// Everything but the page boundary; the tenant is always the first condition.
export function customerListConditions(ctx: Pick<TenantContext, 'tenantId'>, query: CustomerListQuery, now: Date = new Date()): SQL | undefined {
  const values = Object.entries(valueFilters).map(([key, filter]) => {
    const chosen = query[key as keyof typeof valueFilters];
    return chosen ? inArray(filter.column, chosen) : undefined;
  });
  return and(
    eq(customers.tenantId, ctx.tenantId),
    phoneCondition(query.phone),
    searchCondition(query.search),
    ...values,
    ageCondition(query, now),
    lastInteractionCondition(query, now),
  );
}

export interface CustomerPage {
  rows: Customer[];
  nextCursor: string | null;
  // For the page's "previous" link; null on the first page.
  prevCursor: string | null;
}

type Matching = { count: number; capped: boolean };

// With few matches (an exact count) every match is read and sorted, so the cost is bound by
// the count. The inner LIMIT (far above the count, so it drops nothing) keeps PostgreSQL from
// flattening the subquery and walking the sort index on its guess that rare rows turn up soon
// (a walk over most of the tenant when they do not). With many matches the sort index meets a
// page of them quickly.
async function selectPage(db: Database, where: SQL | undefined, spec: SortSpec, walk: SortOrder, limit: number, matching: Matching) {
  const columns = { ...getTableColumns(customers), sortKey: sql`${spec.key}`.as('sort_key'), sortValue: sql<string>`(${spec.key})::text`.as('sort_value') };
  if (matching.capped) return db.select(columns).from(customers).where(where).orderBy(...orderBy(spec, walk)).limit(limit);
  const matches = db.select(columns).from(customers).where(where).limit(2 * COUNT_CAP).as('matches');
  const dir = sql.raw(walk);
  return db.select().from(matches).orderBy(sql`${matches.sortKey} ${dir}`, sql`${matches.id} ${dir}`).limit(limit);
}

// `matching` is countCustomers' answer for the same query, when the caller has it.
export async function listCustomers(
  db: Database,
  ctx: Pick<TenantContext, 'tenantId'>,
  query: CustomerListQuery,
  now: Date = new Date(),
  matching?: Matching,
): Promise<CustomerPage> {
  const order = query.order ?? defaultOrder[query.sort];
  const spec = sortSpec(query.sort, order);
  const cursor = decodeListCursor(query.cursor, query.sort, order);
  const back = cursor?.before ?? false;
  // Walking back to the previous page reads the list in reverse from the cursor.
  const walk: SortOrder = back ? (spec.direction === 'asc' ? 'desc' : 'asc') : spec.direction;
  const where = and(customerListConditions(ctx, query, now), cursor ? beyondCursor(spec, cursor, walk) : undefined);
  const found = await selectPage(db, where, spec, walk, query.limit + 1, matching ?? (await countCustomers(db, ctx, query, now)));
  const more = found.length > query.limit;
  const rows = found.slice(0, query.limit);
  if (back) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const cursorAt = (row: (typeof rows)[number] | undefined, before: boolean) =>
    row ? encodeListCursor({ sort: query.sort, order, value: row.sortValue, id: row.id, before }) : null;
  return {
    rows: rows.map(({ sortKey: _key, sortValue: _value, ...customer }) => customer),
    // Coming back from a later page, that page is still there.
    nextCursor: back || more ? cursorAt(last, false) : null,
    prevCursor: (back && more) || (!back && cursor) ? cursorAt(first, true) : null,
  };
}

// Counting a million rows exactly costs more than the page itself; past COUNT_CAP the answer
// is "more than 10,000".
export async function countCustomers(db: Database, ctx: Pick<TenantContext, 'tenantId'>, query: CustomerListQuery, now: Date = new Date()): Promise<Matching> {
  const matching = db
    .select({ one: sql`1` })
    .from(customers)
    .where(customerListConditions(ctx, query, now))
    .limit(COUNT_CAP + 1)
    .as('matching');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(matching);
  const n = row?.n ?? 0;
  return n > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count: n, capped: false };
}

// What the customers page shows: the (capped) count, then the page it decides how to read.
export async function customerListPage(db: Database, ctx: Pick<TenantContext, 'tenantId'>, query: CustomerListQuery, now: Date = new Date()) {
  const total = await countCustomers(db, ctx, query, now);
  return { ...(await listCustomers(db, ctx, query, now, total)), total };
}
