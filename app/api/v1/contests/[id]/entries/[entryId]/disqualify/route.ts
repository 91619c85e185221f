// POST /api/v1/contests/:id/entries/:entryId/disqualify — take an entry out of the draw, with a reason (owners and admins)
import { readJson } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { disqualifyEntry, entryJson } from '@/lib/contests/entries';
import { disqualifyInputSchema } from '@/lib/contests/schema';

export const POST = withTenant<{ id: string; entryId: string }>(
  async ({ req, db, ctx, params }) => {
    const contestId = parseId(params.id, 'contest');
    const entryId = parseId(params.entryId, 'entry');
    const { reason } = await readJson(req, disqualifyInputSchema);
    return Response.json(entryJson(await disqualifyEntry(db, ctx, contestId, entryId, reason)));
  },
  { minimumRole: 'admin', allowSession: true },
);
