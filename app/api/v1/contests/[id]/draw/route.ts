// GET /api/v1/contests/:id/draw — the published draw: winners, commitment and seed
// POST /api/v1/contests/:id/draw — commit, pick the winners, publish the seed and notify them (owners and admins)
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { drawContest, drawJson, getDraw } from '@/lib/contests/draw';

export const GET = withTenant<{ id: string }>(async ({ db, ctx, params }) => Response.json(drawJson(await getDraw(db, ctx, parseId(params.id, 'contest')))), { allowSession: true });

export const POST = withTenant<{ id: string }>(async ({ db, ctx, params }) => Response.json(drawJson(await drawContest(db, ctx, parseId(params.id, 'contest'))), { status: 201 }), {
  minimumRole: 'admin',
  allowSession: true,
});
