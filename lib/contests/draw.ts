import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { type ContestDraw, contestDraws, contestEntries, contestWinners, contests } from '@/db/schema';
import { conversationSettings } from '@/lib/automation/turn';
import { recordAudit } from '@/lib/audit';
import { decrypt, encrypt } from '@/lib/crypto';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';
import { type DrawCheck, drawCommitment, pickWinners, sortedEntryIds, verifyDraw } from './draw-algorithm';
import { notifyWinners } from './notify-winners';
import { contestTime } from './replies';

// The auditable draw, in two transactions: first the commitment (sha256 of the sorted entry
// ids and a secret seed from the CSPRNG, the seed sealed with ENCRYPTION_KEY) is recorded;
// then the winners are picked from that seed, and the seed is published beside them. A draw
// interrupted between the two resumes with the sealed seed, never a new one, so nobody can
// re-roll it.

export function drawJson(draw: ContestDraw) {
  return {
    winners: draw.winners ?? [],
    commitment: draw.commitment,
    seed: draw.seed,
    entryCount: draw.entryCount,
    committedAt: draw.committedAt.toISOString(),
    drawnAt: draw.drawnAt?.toISOString() ?? null,
  };
}
export type DrawJson = ReturnType<typeof drawJson>;

async function validEntries(tx: Database, tenantId: string, contestId: string) {
  return tx
    .select({ id: contestEntries.id, customerId: contestEntries.customerId })
    .from(contestEntries)
    .where(and(eq(contestEntries.tenantId, tenantId), eq(contestEntries.contestId, contestId), eq(contestEntries.status, 'valid')))
    .orderBy(asc(contestEntries.id));
}

async function findDraw(db: Database, tenantId: string, contestId: string, lock = false): Promise<ContestDraw | null> {
  const query = db
    .select()
    .from(contestDraws)
    .where(and(eq(contestDraws.tenantId, tenantId), eq(contestDraws.contestId, contestId)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

async function commit(db: Database, ctx: TenantContext, contestId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [contest] = await tx
      .select()
      .from(contests)
      .where(and(eq(contests.tenantId, ctx.tenantId), eq(contests.id, contestId)))
      .for('update')
      .limit(1);
    if (!contest) throw new AppError('not_found', 'No contest with that id.');
    if (await findDraw(tx, ctx.tenantId, contestId)) return;
    if (now < contest.endsAt) throw new AppError('conflict', `The contest is still open until ${contestTime(contest.endsAt, 'en')}; draw after it ends (or change its end first).`);
    const entries = await validEntries(tx, ctx.tenantId, contestId);
    if (entries.length === 0) throw new AppError('conflict', 'There are no valid entries to draw from.');
    const seed = randomBytes(32).toString('hex');
    const commitment = drawCommitment(sortedEntryIds(entries), seed);
    await tx.insert(contestDraws).values({
      contestId,
      tenantId: ctx.tenantId,
      commitment,
      seedEncrypted: encrypt(seed, getEnv().ENCRYPTION_KEY),
      entryCount: entries.length,
      committedAt: now,
    });
    await recordAudit(tx, ctx, { action: 'contest.draw_committed', targetType: 'contest', targetId: contestId, metadata: { commitment, entryCount: entries.length } });
  });
}

// POST /draw: commits, then picks and publishes. Drawing twice is a conflict.
export async function drawContest(db: Database, ctx: TenantContext, contestId: string, options: { now?: Date; jobs?: JobClient } = {}): Promise<ContestDraw> {
  requireRole(ctx, 'admin');
  const now = options.now ?? new Date();
  await commit(db, ctx, contestId, now);
  return db.transaction(async (tx) => {
    const draw = await findDraw(tx, ctx.tenantId, contestId, true);
    if (!draw) throw new Error('the draw commitment vanished');
    if (draw.drawnAt || !draw.seedEncrypted) throw new AppError('conflict', 'This contest has already been drawn.');
    const [contest] = await tx.select().from(contests).where(and(eq(contests.tenantId, ctx.tenantId), eq(contests.id, contestId))).limit(1);
    if (!contest) throw new AppError('not_found', 'No contest with that id.');
    const seed = decrypt(draw.seedEncrypted, getEnv().ENCRYPTION_KEY);
    const entries = await validEntries(tx, ctx.tenantId, contestId);
    // Entries and disqualifications stop at the commitment; a mismatch means the data changed.
    if (drawCommitment(sortedEntryIds(entries), seed) !== draw.commitment) throw new Error('the entries no longer match the draw commitment');
    const winners = pickWinners(entries, contest.prizes, seed, { onePrizePerCustomer: contest.onePrizePerCustomer });
    const rows =
      winners.length === 0
        ? []
        : await tx
            .insert(contestWinners)
            .values(winners.map((w, i) => ({ tenantId: ctx.tenantId, contestId, entryId: w.entryId, customerId: w.customerId, prize: w.prize, position: i + 1 })))
            .returning({ id: contestWinners.id, customerId: contestWinners.customerId, prize: contestWinners.prize });
    const [published] = await tx
      .update(contestDraws)
      .set({ seed, seedEncrypted: null, winners, drawnAt: now, drawnByUserId: ctx.userId })
      .where(and(eq(contestDraws.tenantId, ctx.tenantId), eq(contestDraws.contestId, contestId)))
      .returning();
    if (!published) throw new Error('draw update returned nothing');
    const settings = await conversationSettings(tx, ctx.tenantId);
    const notified = await notifyWinners(tx, ctx, contest, rows, { now, jobs: options.jobs ?? getJobClient(), settings });
    await recordAudit(tx, ctx, { action: 'contest.drawn', targetType: 'contest', targetId: contestId, metadata: { winners: winners.length, notified, seed } });
    return published;
  });
}

export async function getDraw(db: Database, ctx: Pick<TenantContext, 'tenantId'>, contestId: string): Promise<ContestDraw> {
  const [exists] = await db.select({ id: contests.id }).from(contests).where(and(eq(contests.tenantId, ctx.tenantId), eq(contests.id, contestId))).limit(1);
  if (!exists) throw new AppError('not_found', 'No contest with that id.');
  const draw = await findDraw(db, ctx.tenantId, contestId);
  if (!draw) throw new AppError('not_found', 'This contest has not been drawn yet.');
  return draw;
}

// The Verify button: re-runs the published draw from the seed and the entry list.
export async function verifyContestDraw(db: Database, ctx: Pick<TenantContext, 'tenantId'>, contestId: string): Promise<DrawCheck & { entryCount: number }> {
  const draw = await getDraw(db, ctx, contestId);
  if (!draw.seed || !draw.winners) throw new AppError('conflict', 'The seed is published when the draw is done.');
  const [contest] = await db.select().from(contests).where(and(eq(contests.tenantId, ctx.tenantId), eq(contests.id, contestId))).limit(1);
  if (!contest) throw new AppError('not_found', 'No contest with that id.');
  const entries = await validEntries(db, ctx.tenantId, contestId);
  const check = verifyDraw({ commitment: draw.commitment, seed: draw.seed, winners: draw.winners }, entries, contest.prizes, { onePrizePerCustomer: contest.onePrizePerCustomer });
  return { ...check, entryCount: entries.length };
}
