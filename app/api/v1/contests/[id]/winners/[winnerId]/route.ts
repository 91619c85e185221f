// PATCH /api/v1/contests/:id/winners/:winnerId — mark a prize claimed or forfeited (owners and admins)
import { readJson } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { winnerPatchSchema } from '@/lib/contests/schema';
import { setClaimStatus } from '@/lib/contests/winners';

export const PATCH = withTenant<{ id: string; winnerId: string }>(
  async ({ req, db, ctx, params }) => {
    const contestId = parseId(params.id, 'contest');
    const winnerId = parseId(params.winnerId, 'winner');
    const { claimStatus } = await readJson(req, winnerPatchSchema);
    return Response.json(await setClaimStatus(db, ctx, contestId, winnerId, claimStatus));
  },
  { minimumRole: 'admin', allowSession: true },
);
