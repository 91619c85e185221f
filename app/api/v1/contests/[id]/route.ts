// GET /api/v1/contests/:id — one contest with its status and entry count
// PATCH /api/v1/contests/:id — change it until the draw (owners and admins)
// DELETE /api/v1/contests/:id — delete it with its entries, unless drawn (owners and admins)
import { readJson } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { contestJson, deleteContest, getContest, updateContest } from '@/lib/contests/contests';
import { contestPatchSchema } from '@/lib/contests/schema';

export const GET = withTenant<{ id: string }>(async ({ db, ctx, params }) => Response.json(contestJson(await getContest(db, ctx, parseId(params.id, 'contest')))), { allowSession: true });

export const PATCH = withTenant<{ id: string }>(
  async ({ req, db, ctx, params }) => {
    const id = parseId(params.id, 'contest');
    return Response.json(contestJson(await updateContest(db, ctx, id, await readJson(req, contestPatchSchema))));
  },
  { minimumRole: 'admin', allowSession: true },
);

export const DELETE = withTenant<{ id: string }>(
  async ({ db, ctx, params }) => {
    await deleteContest(db, ctx, parseId(params.id, 'contest'));
    return new Response(null, { status: 204 });
  },
  { minimumRole: 'admin', allowSession: true },
);
