import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { contestEntries, contestWinners, contests, customers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';

export async function listWinners(db: Database, ctx: Pick<TenantContext, 'tenantId'>, contestId: string) {
  const rows = await db
    .select({ winner: contestWinners, code: contestEntries.code, customerName: customers.name, customerPhone: customers.phone })
    .from(contestWinners)
    .innerJoin(contestEntries, and(eq(contestEntries.tenantId, contestWinners.tenantId), eq(contestEntries.id, contestWinners.entryId)))
    .innerJoin(customers, and(eq(customers.tenantId, contestWinners.tenantId), eq(customers.id, contestWinners.customerId)))
    .where(and(eq(contestWinners.tenantId, ctx.tenantId), eq(contestWinners.contestId, contestId)))
    .orderBy(asc(contestWinners.position));
  return rows.map(({ winner: w, code, customerName, customerPhone }) => ({
    id: w.id,
    position: w.position,
    entryId: w.entryId,
    entryCode: code,
    customerId: w.customerId,
    customerName,
    customerPhone,
    prize: w.prize,
    claimStatus: w.claimStatus,
    notifiedAt: w.notifiedAt?.toISOString() ?? null,
    claimedAt: w.claimedAt?.toISOString() ?? null,
  }));
}
export type WinnerJson = Awaited<ReturnType<typeof listWinners>>[number];

// The team records that a winner collected the prize (or forfeited it).
export async function setClaimStatus(db: Database, ctx: TenantContext, contestId: string, winnerId: string, claimStatus: 'claimed' | 'forfeited', now: Date = new Date()) {
  requireRole(ctx, 'admin');
  await db.transaction(async (tx) => {
    const [contest] = await tx.select({ id: contests.id }).from(contests).where(and(eq(contests.tenantId, ctx.tenantId), eq(contests.id, contestId))).limit(1);
    if (!contest) throw new AppError('not_found', 'No contest with that id.');
    const [row] = await tx
      .update(contestWinners)
      .set({ claimStatus, claimedAt: claimStatus === 'claimed' ? now : null })
      .where(and(eq(contestWinners.tenantId, ctx.tenantId), eq(contestWinners.contestId, contestId), eq(contestWinners.id, winnerId)))
      .returning({ id: contestWinners.id });
    if (!row) throw new AppError('not_found', 'No winner with that id in this contest.');
    await recordAudit(tx, ctx, { action: `contest.prize_${claimStatus}`, targetType: 'contest_winner', targetId: winnerId, metadata: { contestId } });
  });
  const winners = await listWinners(db, ctx, contestId);
  const winner = winners.find((w) => w.id === winnerId);
  if (!winner) throw new AppError('not_found', 'No winner with that id in this contest.');
  return winner;
}
