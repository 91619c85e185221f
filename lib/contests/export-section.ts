import { and, asc, eq } from 'drizzle-orm';
import { strToU8 } from 'fflate';
import { contestEntries, contestWinners, contests } from '@/db/schema';
import { csvDocument } from '@/lib/csv/write';
import type { ExportSection } from '@/lib/pdpa/export-sections';

// A customer's contest entries in their PDPA export bundle (contest-entries.csv), oldest
// first, with any prize won and its claim status; nothing when there are none.
export const contestsExportSection: ExportSection = {
  name: 'contests',
  async files({ db, ctx, customer }) {
    const rows = await db
      .select({ entry: contestEntries, contest: contests.name, prize: contestWinners.prize, claimStatus: contestWinners.claimStatus })
      .from(contestEntries)
      .innerJoin(contests, and(eq(contests.tenantId, contestEntries.tenantId), eq(contests.id, contestEntries.contestId)))
      .leftJoin(contestWinners, and(eq(contestWinners.tenantId, contestEntries.tenantId), eq(contestWinners.entryId, contestEntries.id)))
      .where(and(eq(contestEntries.tenantId, ctx.tenantId), eq(contestEntries.customerId, customer.id)))
      .orderBy(asc(contestEntries.createdAt), asc(contestEntries.id));
    if (rows.length === 0) return [];
    const header = ['contest', 'entryId', 'enteredAt', 'status', 'disqualifiedReason', 'purchaseId', 'prize', 'claimStatus'];
    const cells = rows.map(({ entry, contest, prize, claimStatus }) => [contest, entry.code, entry.createdAt.toISOString(), entry.status, entry.disqualifiedReason, entry.purchaseId, prize, claimStatus]);
    return [{ path: 'contest-entries.csv', bytes: strToU8(csvDocument(header, cells)) }];
  },
};
