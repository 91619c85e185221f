import { type SQL, and, eq, isNull, not, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { contestEntries, customers } from '@/db/schema';
import { todayInMalaysia } from '@/lib/mykad';
import type { FilterField, FilterLeaf, FilterTree } from './filter-schema';

const DAY_MS = 86_400_000;

// Plain columns; age and averageSpend are derived below.
const columns: Partial<Record<FilterField, AnyPgColumn | SQL>> = {
  totalSpent: customers.totalSpent,
  purchaseCount: customers.purchaseCount,
  averageSpend: sql`(${customers.totalSpent} / nullif(${customers.purchaseCount}, 0))`,
  gender: customers.gender,
  maritalStatus: customers.maritalStatus,
  state: customers.state,
  tier: customers.tier,
  consentStatus: customers.consentStatus,
  lastInteractionAt: customers.lastInteractionAt,
  lastPurchaseAt: customers.lastPurchaseAt,
  createdAt: customers.createdAt,
};

// The latest date of birth of someone who is at least `years` old today (MYT); 29 February
// becomes 28 February in a common year, as lib/mykad's ageOn counts it.
export function bornOnOrBefore(years: number, now: Date): string {
  const [y, m, d] = todayInMalaysia(now).split('-').map(Number) as [number, number, number];
  const year = y - years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

// Age compiles to a date-of-birth range, so the date_of_birth index serves it.
function ageCondition(op: FilterLeaf['op'], value: unknown, now: Date): SQL {
  const dob = customers.dateOfBirth;
  const atLeast = (n: number) => sql`${dob} <= ${bornOnOrBefore(n, now)}`;
  const below = (n: number) => sql`${dob} > ${bornOnOrBefore(n, now)}`;
  const n = value as number;
  switch (op) {
    case 'gte':
      return atLeast(n);
    case 'gt':
      return atLeast(n + 1);
    case 'lte':
      return below(n + 1);
    case 'lt':
      return below(n);
    case 'eq':
      return sql`(${atLeast(n)} and ${below(n + 1)})`;
    case 'neq':
      return sql`(${dob} is null or not (${atLeast(n)} and ${below(n + 1)}))`;
    case 'between': {
      const [low, high] = value as [number, number];
      return sql`(${atLeast(low)} and ${below(high + 1)})`;
    }
    case 'isNull':
      return sql`${dob} is null`;
    case 'notNull':
      return sql`${dob} is not null`;
    default:
      throw new Error(`age does not take ${op}`);
  }
}

// A day (YYYY-MM-DD) is a Malaysian calendar day: it starts at 00:00 +08:00.
function dayStart(value: string, addDays = 0): Date {
  if (value.length > 10) return new Date(value);
  return new Date(new Date(`${value}T00:00:00+08:00`).getTime() + addDays * DAY_MS);
}

// Dates go to the driver as ISO text (postgres.js does not take a Date in a raw fragment).
const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

function dateCondition(column: AnyPgColumn | SQL, op: FilterLeaf['op'], value: unknown, now: Date): SQL {
  const isDay = (v: unknown) => typeof v === 'string' && v.length === 10;
  const after = (v: string) => (isDay(v) ? dayStart(v, 1) : new Date(v));
  switch (op) {
    case 'gte':
      return sql`${column} >= ${at(dayStart(value as string))}`;
    case 'gt':
      return isDay(value) ? sql`${column} >= ${at(after(value as string))}` : sql`${column} > ${at(new Date(value as string))}`;
    case 'lt':
      return sql`${column} < ${at(dayStart(value as string))}`;
    case 'lte':
      return isDay(value) ? sql`${column} < ${at(after(value as string))}` : sql`${column} <= ${at(new Date(value as string))}`;
    case 'between': {
      const [from, to] = value as [string, string];
      return sql`(${column} >= ${at(dayStart(from))} and ${isDay(to) ? sql`${column} < ${at(after(to))}` : sql`${column} <= ${at(new Date(to))}`})`;
    }
    case 'withinDays':
      return sql`${column} >= ${at(new Date(now.getTime() - (value as number) * DAY_MS))}`;
    case 'olderThanDays':
      return sql`${column} < ${at(new Date(now.getTime() - (value as number) * DAY_MS))}`;
    case 'isNull':
      return sql`${column} is null`;
    case 'notNull':
      return sql`${column} is not null`;
    default:
      throw new Error(`a date field does not take ${op}`);
  }
}

const list = (values: unknown) => sql.join((values as string[]).map((v) => sql`${v}`), sql`, `);

function valueCondition(column: AnyPgColumn | SQL, op: FilterLeaf['op'], value: unknown): SQL {
  switch (op) {
    case 'eq':
      return sql`${column} = ${value}`;
    // "Not X" keeps customers we know nothing about: their value is not X.
    case 'neq':
      return sql`${column} is distinct from ${value}`;
    case 'in':
      return sql`${column} in (${list(value)})`;
    case 'nin':
      return sql`(${column} is null or ${column} not in (${list(value)}))`;
    case 'gt':
      return sql`${column} > ${value}`;
    case 'gte':
      return sql`${column} >= ${value}`;
    case 'lt':
      return sql`${column} < ${value}`;
    case 'lte':
      return sql`${column} <= ${value}`;
    case 'between': {
      const [low, high] = value as [number, number];
      return sql`${column} between ${low} and ${high}`;
    }
    case 'isNull':
      return sql`${column} is null`;
    case 'notNull':
      return sql`${column} is not null`;
    default:
      throw new Error(`unsupported operator ${op}`);
  }
}

// A valid (not disqualified) entry in the contest; the entry's tenant is the customer's.
function contestCondition(op: FilterLeaf['op'], contestId: unknown): SQL {
  const entered = sql`exists (select 1 from ${contestEntries} where ${contestEntries.tenantId} = ${customers.tenantId} and ${contestEntries.customerId} = ${customers.id} and ${contestEntries.contestId} = ${contestId as string} and ${contestEntries.status} = 'valid')`;
  if (op === 'eq') return entered;
  if (op === 'neq') return sql`not ${entered}`;
  throw new Error(`contestId does not take ${op}`);
}

function leafCondition(leaf: FilterLeaf, now: Date): SQL {
  if (leaf.field === 'age') return ageCondition(leaf.op, leaf.value, now);
  if (leaf.field === 'contestId') return contestCondition(leaf.op, leaf.value);
  if (leaf.field === 'hasIc') return leaf.value ? sql`${customers.icHash} is not null` : sql`${customers.icHash} is null`;
  const column = columns[leaf.field];
  if (!column) throw new Error(`unknown field ${leaf.field}`);
  if (leaf.field === 'lastInteractionAt' || leaf.field === 'lastPurchaseAt' || leaf.field === 'createdAt') return dateCondition(column, leaf.op, leaf.value, now);
  return valueCondition(column, leaf.op, leaf.value);
}

// Compiles a validated filter tree to one parameterised condition on customers, true exactly
// for the customers it means (a WHERE drops NULL like false). Leaves stay bare so indexes serve
// them; only the operand of a `not` is made two-valued (NULL → false), so `not` is the exact
// complement of what it wraps: without a `not` inside, and/or are true on the same rows
// whether an unknown is NULL or false.
export function compileFilter(tree: FilterTree, now: Date = new Date()): SQL {
  if ('and' in tree) return and(...tree.and.map((t) => compileFilter(t, now))) ?? sql`true`;
  if ('or' in tree) return or(...tree.or.map((t) => compileFilter(t, now))) ?? sql`false`;
  if ('not' in tree) return not(sql`coalesce(${compileFilter(tree.not, now)}, false)`);
  return sql`(${leafCondition(tree, now)})`;
}

// The customers a segment means: the tenant's, not anonymised, matching the filter.
export function segmentCondition(tenantId: string, tree: FilterTree, now: Date = new Date()): SQL {
  return and(eq(customers.tenantId, tenantId), isNull(customers.anonymizedAt), compileFilter(tree, now)) ?? sql`false`;
}
