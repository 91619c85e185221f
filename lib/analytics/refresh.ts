import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { executedRows } from '@/db/rows';
import { analyticsStaleDays, analyticsState, customers, messages, purchases } from '@/db/schema';
import { todayInMalaysia } from '@/lib/mykad';
import { addDays, daysBetween } from './days';
import { refreshDays } from './refresh-days';
import { refreshCampaignFunnels, refreshSnapshot } from './refresh-snapshot';

// The rollups are recounted from the raw tables rather than incremented by every writer:
// webhook ingest, sends, campaigns, purchases and erasures stay as they are, a recount is
// idempotent, and deletions (erasure, bulk delete) are reflected. Each refresh recounts the
// last RECENT_DAYS days (a thread can be answered up to 24 hours later; Meta delivers late
// messages within days) plus the days marked stale, the funnels of recent campaigns, and,
// at most hourly, the snapshot of the customer base.
export const RECENT_DAYS = 3;
export const REFRESH_EVERY_MS = 5 * 60_000;
export const SNAPSHOT_EVERY_MS = 60 * 60_000;
// A first refresh recounts the whole history in chunks of this many days.
const BACKFILL_CHUNK_DAYS = 92;

export interface RefreshResult {
  refreshed: boolean;
  days: number;
  snapshot: boolean;
}

// One refresh per tenant at a time (a transaction-scoped advisory lock); a second caller
// returns at once instead of doing the same work again.
export async function refreshAnalytics(db: Database, tenantId: string, options: { now?: Date; full?: boolean } = {}): Promise<RefreshResult> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const locked = await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${`analytics:${tenantId}`})) as ok`);
    if (!firstRowFlag(locked)) return { refreshed: false, days: 0, snapshot: false };
    const [state] = await tx.select().from(analyticsState).where(eq(analyticsState.tenantId, tenantId));
    const today = todayInMalaysia(now);
    let days = 0;
    if (!state?.refreshedAt || options.full) {
      const from = await firstDay(tx, tenantId, today);
      days += await refreshInChunks(tx, tenantId, from, today);
    } else {
      days += await refreshInChunks(tx, tenantId, addDays(today, -(RECENT_DAYS - 1)), today);
    }
    const stale = await tx.delete(analyticsStaleDays).where(eq(analyticsStaleDays.tenantId, tenantId)).returning({ day: analyticsStaleDays.day });
    for (const { from, to } of dayRuns(stale.map((s) => s.day))) days += await refreshInChunks(tx, tenantId, from, to);
    await refreshCampaignFunnels(tx, tenantId, now);
    const snapshot = options.full || !state?.snapshotAt || now.getTime() - state.snapshotAt.getTime() >= SNAPSHOT_EVERY_MS;
    if (snapshot) await refreshSnapshot(tx, tenantId, now);
    await tx
      .insert(analyticsState)
      .values({ tenantId, refreshedAt: now, snapshotAt: snapshot ? now : (state?.snapshotAt ?? null) })
      .onConflictDoUpdate({ target: analyticsState.tenantId, set: { refreshedAt: now, ...(snapshot ? { snapshotAt: now } : {}) } });
    return { refreshed: true, days, snapshot };
  });
}

async function refreshInChunks(db: Database, tenantId: string, from: string, to: string): Promise<number> {
  let days = 0;
  for (let start = from; start <= to; start = addDays(start, BACKFILL_CHUNK_DAYS)) {
    const end = addDays(start, BACKFILL_CHUNK_DAYS - 1) < to ? addDays(start, BACKFILL_CHUNK_DAYS - 1) : to;
    await refreshDays(db, tenantId, start, end);
    days += daysBetween(start, end);
  }
  return days;
}

// Consecutive days as ranges, so an import spread over a year is recounted in a few statements.
function dayRuns(days: readonly string[]): { from: string; to: string }[] {
  const runs: { from: string; to: string }[] = [];
  for (const day of [...days].sort()) {
    const last = runs.at(-1);
    if (last && addDays(last.to, 1) === day) last.to = day;
    else runs.push({ from: day, to: day });
  }
  return runs;
}

// The tenant's first day with anything to count (each minimum is one index probe).
async function firstDay(db: Database, tenantId: string, today: string): Promise<string> {
  const [row] = await db
    .select({
      customers: sql<string | null>`(select min(${customers.createdAt}) from ${customers} where ${customers.tenantId} = ${tenantId})`,
      messages: sql<string | null>`(select min(${messages.createdAt}) from ${messages} where ${messages.tenantId} = ${tenantId})`,
      purchases: sql<string | null>`(select min(${purchases.purchasedOn}) from ${purchases} where ${purchases.tenantId} = ${tenantId})`,
    })
    .from(sql`(select 1) as one`);
  const days = [row?.customers, row?.messages].flatMap((at) => (at ? [todayInMalaysia(new Date(at))] : []));
  if (row?.purchases) days.push(row.purchases);
  return days.reduce((a, b) => (b < a ? b : a), today);
}

// Days older than the recent window that a write changed (a receipt dated weeks ago): the
// next refresh recounts them. One set-based insert; recent days need no mark.
export async function markAnalyticsStale(db: Database, tenantId: string, days: readonly string[], now: Date = new Date()): Promise<void> {
  const oldest = addDays(todayInMalaysia(now), -(RECENT_DAYS - 1));
  const old = [...new Set(days)].filter((d) => d < oldest);
  if (old.length === 0) return;
  await db.insert(analyticsStaleDays).values(old.map((day) => ({ tenantId, day }))).onConflictDoNothing();
}

// The freshness the pages show ("updated 3 minutes ago"), and whether a refresh is due.
export async function analyticsFreshness(db: Database, tenantId: string, now: Date = new Date()): Promise<{ refreshedAt: Date | null; due: boolean }> {
  const [state] = await db.select({ refreshedAt: analyticsState.refreshedAt }).from(analyticsState).where(eq(analyticsState.tenantId, tenantId));
  const refreshedAt = state?.refreshedAt ?? null;
  return { refreshedAt, due: refreshedAt === null || now.getTime() - refreshedAt.getTime() >= REFRESH_EVERY_MS };
}

function firstRowFlag(result: unknown): boolean {
  return executedRows<{ ok?: boolean }>(result)[0]?.ok === true;
}
