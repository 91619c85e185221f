import { randomInt } from 'node:crypto';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Contest, type ContestEntry, contestDraws, contestEntries, contestWinners, contests, customers } from '@/db/schema';
import { type Cursor, afterCursor } from '@/lib/api/pagination';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';

export type EntryResult = { outcome: 'entered'; entry: ContestEntry } | { outcome: 'limit' } | { outcome: 'duplicate' } | { outcome: 'closed' };

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

// The entry ID the customer sees: the contest name's first word and six unambiguous
// characters, e.g. RAYA-7KQ2MX (random, so concurrent entries never wait on a counter).
export function entryCode(contestName: string): string {
  const prefix = (contestName.normalize('NFKD').toUpperCase().match(/[A-Z0-9]+/)?.[0] ?? 'ENTRY').slice(0, 8);
  let suffix = '';
  for (let i = 0; i < 6; i += 1) suffix += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${prefix}-${suffix}`;
}

async function isCommitted(tx: Database, tenantId: string, contestId: string): Promise<boolean> {
  const [draw] = await tx
    .select({ id: contestDraws.contestId })
    .from(contestDraws)
    .where(and(eq(contestDraws.tenantId, tenantId), eq(contestDraws.contestId, contestId)))
    .limit(1);
  return draw !== undefined;
}

async function validEntryCount(tx: Database, tenantId: string, contestId: string, customerId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(contestEntries)
    .where(and(eq(contestEntries.tenantId, tenantId), eq(contestEntries.contestId, contestId), eq(contestEntries.customerId, customerId), eq(contestEntries.status, 'valid')));
  return row?.n ?? 0;
}

// Creates one entry if the customer is under the contest's limit. A transaction-scoped lock on
// (contest, customer) makes concurrent messages wait for each other, so the count they check
// is the count they add to. Once the draw's commitment is recorded, the entry list is final.
export async function createEntry(
  tx: Database,
  contest: Pick<Contest, 'id' | 'tenantId' | 'name' | 'maxEntriesPerCustomer'>,
  input: { customerId: string; messageId?: string | null; purchaseId?: string | null; now: Date },
): Promise<EntryResult> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${contest.id}), hashtext(${input.customerId}))`);
  if (await isCommitted(tx, contest.tenantId, contest.id)) return { outcome: 'closed' };
  if (input.purchaseId) {
    const [same] = await tx
      .select({ id: contestEntries.id })
      .from(contestEntries)
      .where(and(eq(contestEntries.tenantId, contest.tenantId), eq(contestEntries.contestId, contest.id), eq(contestEntries.purchaseId, input.purchaseId)))
      .limit(1);
    if (same) return { outcome: 'duplicate' };
  }
  if ((await validEntryCount(tx, contest.tenantId, contest.id, input.customerId)) >= contest.maxEntriesPerCustomer) return { outcome: 'limit' };
  // A clash of random codes (one in a billion) draws another code.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const [entry] = await tx
      .insert(contestEntries)
      .values({
        tenantId: contest.tenantId,
        contestId: contest.id,
        customerId: input.customerId,
        code: entryCode(contest.name),
        messageId: input.messageId ?? null,
        purchaseId: input.purchaseId ?? null,
        createdAt: input.now,
      })
      .onConflictDoNothing()
      .returning();
    if (entry) return { outcome: 'entered', entry };
    if (input.purchaseId) return { outcome: 'duplicate' };
  }
  throw new Error('could not find a free entry code');
}

export function entryJson(row: ContestEntry) {
  return {
    id: row.id,
    customerId: row.customerId,
    code: row.code,
    createdAt: row.createdAt.toISOString(),
    status: row.status,
    disqualifiedReason: row.disqualifiedReason,
  };
}
export type EntryJson = ReturnType<typeof entryJson>;

export interface EntryRow {
  entry: ContestEntry;
  customerName: string | null;
  customerPhone: string | null;
}

async function assertContest(db: Database, ctx: Pick<TenantContext, 'tenantId'>, contestId: string): Promise<void> {
  const [row] = await db.select({ id: contests.id }).from(contests).where(and(eq(contests.tenantId, ctx.tenantId), eq(contests.id, contestId))).limit(1);
  if (!row) throw new AppError('not_found', 'No contest with that id.');
}

// Newest first (keyset on createdAt, id); callers fetch limit + 1. Without a limit: all (CSV).
export async function listEntries(
  db: Database,
  ctx: Pick<TenantContext, 'tenantId'>,
  contestId: string,
  query: { limit?: number; after?: Cursor | null; status?: ContestEntry['status'] },
): Promise<EntryRow[]> {
  await assertContest(db, ctx, contestId);
  const rows = db
    .select({ entry: contestEntries, customerName: customers.name, customerPhone: customers.phone })
    .from(contestEntries)
    .innerJoin(customers, and(eq(customers.tenantId, contestEntries.tenantId), eq(customers.id, contestEntries.customerId)))
    .where(
      and(
        eq(contestEntries.tenantId, ctx.tenantId),
        eq(contestEntries.contestId, contestId),
        query.status ? eq(contestEntries.status, query.status) : undefined,
        afterCursor(contestEntries.createdAt, contestEntries.id, query.after, 'desc'),
      ),
    )
    .orderBy(desc(contestEntries.createdAt), desc(contestEntries.id));
  return query.limit ? rows.limit(query.limit) : rows;
}

// Valid entries per Malaysian calendar day, oldest first, for the chart.
export async function entriesPerDay(db: Database, ctx: Pick<TenantContext, 'tenantId'>, contestId: string): Promise<{ day: string; entries: number }[]> {
  const day = sql<string>`to_char(${contestEntries.createdAt} at time zone 'Asia/Kuala_Lumpur', 'YYYY-MM-DD')`;
  return db
    .select({ day, entries: count() })
    .from(contestEntries)
    .where(and(eq(contestEntries.tenantId, ctx.tenantId), eq(contestEntries.contestId, contestId), eq(contestEntries.status, 'valid')))
    .groupBy(day)
    .orderBy(asc(day));
}

// Takes an entry out of the draw, with the reason on record. Only before the draw's
// commitment: afterwards the list the commitment covers is fixed.
export async function disqualifyEntry(db: Database, ctx: TenantContext, contestId: string, entryId: string, reason: string): Promise<ContestEntry> {
  requireRole(ctx, 'admin');
  return db.transaction(async (tx) => {
    await assertContest(tx, ctx, contestId);
    if (await isCommitted(tx, ctx.tenantId, contestId)) throw new AppError('conflict', 'The draw has started; entries can no longer be disqualified.');
    const [row] = await tx
      .update(contestEntries)
      .set({ status: 'disqualified', disqualifiedReason: reason, disqualifiedByUserId: ctx.userId })
      .where(and(eq(contestEntries.tenantId, ctx.tenantId), eq(contestEntries.contestId, contestId), eq(contestEntries.id, entryId)))
      .returning();
    if (!row) throw new AppError('not_found', 'No entry with that id in this contest.');
    await recordAudit(tx, ctx, { action: 'contest.entry_disqualified', targetType: 'contest_entry', targetId: entryId, metadata: { contestId, reason } });
    return row;
  });
}

// One customer's entries across contests, newest first, with the prize an entry won.
export async function customerContestEntries(db: Database, ctx: Pick<TenantContext, 'tenantId'>, customerId: string, limit = 50) {
  return db
    .select({
      id: contestEntries.id,
      contestId: contestEntries.contestId,
      contestName: contests.name,
      code: contestEntries.code,
      createdAt: contestEntries.createdAt,
      status: contestEntries.status,
      prize: contestWinners.prize,
    })
    .from(contestEntries)
    .innerJoin(contests, and(eq(contests.tenantId, contestEntries.tenantId), eq(contests.id, contestEntries.contestId)))
    .leftJoin(contestWinners, and(eq(contestWinners.tenantId, contestEntries.tenantId), eq(contestWinners.entryId, contestEntries.id)))
    .where(and(eq(contestEntries.tenantId, ctx.tenantId), eq(contestEntries.customerId, customerId)))
    .orderBy(desc(contestEntries.createdAt), desc(contestEntries.id))
    .limit(limit);
}
