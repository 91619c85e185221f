import { type SQL, and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Contest, contestDraws, contestEntries, contests, segments } from '@/db/schema';
import { type Cursor, afterCursor } from '@/lib/api/pagination';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';
import { normalizeKeyword } from './keyword';
import type { ContestInput, ContestPatch } from './schema';

export type ContestStatus = 'upcoming' | 'running' | 'ended' | 'drawn';

// The window is [startsAt, endsAt): an entry at the end instant is too late.
export function contestStatus(contest: Pick<Contest, 'startsAt' | 'endsAt'>, drawnAt: Date | null, now: Date = new Date()): ContestStatus {
  if (drawnAt) return 'drawn';
  if (now < contest.startsAt) return 'upcoming';
  return now < contest.endsAt ? 'running' : 'ended';
}

export interface ContestSummary {
  contest: Contest;
  entryCount: number;
  drawnAt: Date | null;
}

export function contestJson({ contest: c, entryCount, drawnAt }: ContestSummary, now: Date = new Date()) {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    prizes: c.prizes,
    maxEntriesPerCustomer: c.maxEntriesPerCustomer,
    termsUrl: c.termsUrl,
    entryMethod: c.entryMethod,
    requireConsent: c.requireConsent,
    segmentId: c.segmentId,
    onePrizePerCustomer: c.onePrizePerCustomer,
    claimInstructions: c.claimInstructions,
    status: contestStatus(c, drawnAt, now),
    entryCount,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
export type ContestJson = ReturnType<typeof contestJson>;

const tenantContest = (ctx: Pick<TenantContext, 'tenantId'>, id: string): SQL | undefined => and(eq(contests.tenantId, ctx.tenantId), eq(contests.id, id));

// Valid entries only: a disqualified entry does not count for the list or the limit.
const validEntries = sql<number>`(select count(*)::int from ${contestEntries} where ${contestEntries.tenantId} = ${contests.tenantId} and ${contestEntries.contestId} = ${contests.id} and ${contestEntries.status} = 'valid')`;

const summaryColumns = { contest: contests, entryCount: validEntries, drawnAt: contestDraws.drawnAt };

function summaries(db: Database) {
  return db
    .select(summaryColumns)
    .from(contests)
    .leftJoin(contestDraws, and(eq(contestDraws.tenantId, contests.tenantId), eq(contestDraws.contestId, contests.id)));
}

export async function listContests(db: Database, ctx: Pick<TenantContext, 'tenantId'>, paging: { limit: number; after?: Cursor | null }): Promise<ContestSummary[]> {
  return summaries(db)
    .where(and(eq(contests.tenantId, ctx.tenantId), afterCursor(contests.createdAt, contests.id, paging.after, 'desc')))
    .orderBy(desc(contests.createdAt), desc(contests.id))
    .limit(paging.limit);
}

export async function getContest(db: Database, ctx: Pick<TenantContext, 'tenantId'>, id: string): Promise<ContestSummary> {
  const [row] = await summaries(db).where(tenantContest(ctx, id)).limit(1);
  if (!row) throw new AppError('not_found', 'No contest with that id.');
  return row;
}

async function assertSegment(tx: Database, ctx: TenantContext, segmentId: string | null | undefined): Promise<void> {
  if (!segmentId) return;
  const [row] = await tx.select({ id: segments.id }).from(segments).where(and(eq(segments.tenantId, ctx.tenantId), eq(segments.id, segmentId))).limit(1);
  if (!row) throw AppError.field('validation', 'segmentId', 'No segment with that id.');
}

// Two contests whose windows overlap cannot share a keyword: a message would enter both. The
// tenant row is taken first so two saves cannot both pass the check.
async function assertKeywordFree(tx: Database, ctx: TenantContext, c: { keyword: string | null; startsAt: Date; endsAt: Date }, exceptId?: string): Promise<void> {
  if (!c.keyword) return;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`contest-keyword:${ctx.tenantId}`}))`);
  const [taken] = await tx
    .select({ name: contests.name })
    .from(contests)
    .where(
      and(
        eq(contests.tenantId, ctx.tenantId),
        eq(contests.keyword, c.keyword),
        sql`${contests.startsAt} < ${c.endsAt.toISOString()}::timestamptz and ${contests.endsAt} > ${c.startsAt.toISOString()}::timestamptz`,
        exceptId ? ne(contests.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw AppError.field('conflict', 'entryMethod.keyword', `“${taken.name}” uses this keyword at the same time. Choose another keyword or other dates.`);
}

function columnsOf(input: ContestInput) {
  return {
    name: input.name,
    description: input.description ?? null,
    prizes: input.prizes,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    maxEntriesPerCustomer: input.maxEntriesPerCustomer,
    termsUrl: input.termsUrl ?? null,
    entryMethod: input.entryMethod,
    keyword: input.entryMethod.type === 'keyword' ? normalizeKeyword(input.entryMethod.keyword) : null,
    requireConsent: input.requireConsent,
    segmentId: input.segmentId ?? null,
    onePrizePerCustomer: input.onePrizePerCustomer,
    claimInstructions: input.claimInstructions ?? null,
  };
}

export async function createContest(db: Database, ctx: TenantContext, input: ContestInput): Promise<ContestSummary> {
  requireRole(ctx, 'admin');
  return db.transaction(async (tx) => {
    const values = columnsOf(input);
    await assertSegment(tx, ctx, values.segmentId);
    await assertKeywordFree(tx, ctx, values);
    const [row] = await tx
      .insert(contests)
      .values({ ...values, tenantId: ctx.tenantId, createdByUserId: ctx.userId })
      .returning();
    if (!row) throw new Error('contest insert returned nothing');
    await recordAudit(tx, ctx, { action: 'contest.created', targetType: 'contest', targetId: row.id, metadata: { name: row.name } });
    return { contest: row, entryCount: 0, drawnAt: null };
  });
}

async function assertNotDrawn(tx: Database, ctx: Pick<TenantContext, 'tenantId'>, id: string, doing: string): Promise<void> {
  const [draw] = await tx
    .select({ contestId: contestDraws.contestId })
    .from(contestDraws)
    .where(and(eq(contestDraws.tenantId, ctx.tenantId), eq(contestDraws.contestId, id)))
    .limit(1);
  if (draw) throw new AppError('conflict', `The draw has started; the contest can no longer be ${doing}.`);
}

export async function updateContest(db: Database, ctx: TenantContext, id: string, patch: ContestPatch): Promise<ContestSummary> {
  requireRole(ctx, 'admin');
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(contests).where(tenantContest(ctx, id)).for('update').limit(1);
    if (!current) throw new AppError('not_found', 'No contest with that id.');
    await assertNotDrawn(tx, ctx, id, 'changed');
    const merged: ContestInput = {
      name: patch.name ?? current.name,
      description: patch.description === undefined ? current.description : patch.description,
      startsAt: patch.startsAt ?? current.startsAt,
      endsAt: patch.endsAt ?? current.endsAt,
      prizes: patch.prizes ?? current.prizes,
      maxEntriesPerCustomer: patch.maxEntriesPerCustomer ?? current.maxEntriesPerCustomer,
      termsUrl: patch.termsUrl === undefined ? current.termsUrl : patch.termsUrl,
      entryMethod: patch.entryMethod ?? current.entryMethod,
      requireConsent: patch.requireConsent ?? current.requireConsent,
      segmentId: patch.segmentId === undefined ? current.segmentId : patch.segmentId,
      onePrizePerCustomer: patch.onePrizePerCustomer ?? current.onePrizePerCustomer,
      claimInstructions: patch.claimInstructions === undefined ? current.claimInstructions : patch.claimInstructions,
    };
    if (merged.endsAt <= merged.startsAt) throw AppError.field('validation', 'endsAt', 'The end must be after the start.');
    const values = columnsOf(merged);
    if (patch.segmentId) await assertSegment(tx, ctx, patch.segmentId);
    await assertKeywordFree(tx, ctx, values, id);
    await tx
      .update(contests)
      .set({ ...values, updatedAt: new Date() })
      .where(tenantContest(ctx, id));
    await recordAudit(tx, ctx, { action: 'contest.updated', targetType: 'contest', targetId: id, metadata: { fields: Object.keys(patch) } });
    return getContest(tx, ctx, id);
  });
}

// A drawn contest stays, with its entries and winners, as the record of the draw.
export async function deleteContest(db: Database, ctx: TenantContext, id: string): Promise<void> {
  requireRole(ctx, 'admin');
  await db.transaction(async (tx) => {
    await assertNotDrawn(tx, ctx, id, 'deleted');
    const [row] = await tx.delete(contests).where(tenantContest(ctx, id)).returning({ name: contests.name });
    if (!row) throw new AppError('not_found', 'No contest with that id.');
    await recordAudit(tx, ctx, { action: 'contest.deleted', targetType: 'contest', targetId: id, metadata: { name: row.name } });
  });
}

// Contests a message could be about now, for the inbound step: keyword contests whose keyword
// matches (running, upcoming or ended in the last 30 days, for a polite reply), and running
// any_message contests.
export async function contestsForMessage(db: Database, tenantId: string, compactText: string, now: Date): Promise<Contest[]> {
  const recent = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const at = now.toISOString();
  const running = sql`${contests.entryMethod}->>'type' = 'any_message' and ${contests.startsAt} <= ${at}::timestamptz and ${contests.endsAt} > ${at}::timestamptz`;
  const keyword = sql`${contests.keyword} is not null and replace(${contests.keyword}, ' ', '') = ${compactText} and ${contests.endsAt} > ${recent}::timestamptz`;
  return db
    .select()
    .from(contests)
    .where(and(eq(contests.tenantId, tenantId), compactText === '' ? running : sql`((${keyword}) or (${running}))`))
    .orderBy(contests.startsAt);
}

// Running receipt contests (for the OCR purchase flow).
export async function runningReceiptContests(db: Database, tenantId: string, at: Date): Promise<Contest[]> {
  return db
    .select()
    .from(contests)
    .where(
      and(
        eq(contests.tenantId, tenantId),
        sql`${contests.entryMethod}->>'type' = 'receipt'`,
        sql`${contests.startsAt} <= ${at.toISOString()}::timestamptz and ${contests.endsAt} > ${at.toISOString()}::timestamptz`,
      ),
    );
}

// The tenant's contests by name, newest first, for pickers (the segment builder).
export async function contestChoices(db: Database, ctx: Pick<TenantContext, 'tenantId'>, limit = 200): Promise<{ id: string; name: string }[]> {
  return db.select({ id: contests.id, name: contests.name }).from(contests).where(eq(contests.tenantId, ctx.tenantId)).orderBy(desc(contests.createdAt), desc(contests.id)).limit(limit);
}
