// GET /api/v1/contests/:id/draw/verify — re-run the published draw from its seed and the entries
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { verifyContestDraw } from '@/lib/contests/draw';

export const GET = withTenant<{ id: string }>(
  async ({ db, ctx, params }) => {
    const check = await verifyContestDraw(db, ctx, parseId(params.id, 'contest'));
    return Response.json({ commitmentMatches: check.commitmentMatches, winnersMatch: check.winnersMatch, entryCount: check.entryCount, recomputed: check.recomputed });
  },
  { allowSession: true },
);
