// GET /api/v1/segments/:id — one segment with the number of customers who match now
// PATCH /api/v1/segments/:id — rename, describe or change the criteria (owners and admins)
// DELETE /api/v1/segments/:id — delete it (owners and admins)
import { readJson } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { countSegment } from '@/lib/segments/preview';
import { segmentPatchSchema } from '@/lib/segments/schema';
import { deleteSegment, getSegment, segmentJson, updateSegment } from '@/lib/segments/segments';

export const GET = withTenant<{ id: string }>(
  async ({ db, ctx, params }) => {
    const segment = await getSegment(db, ctx, parseId(params.id, 'segment'));
    return Response.json({ ...segmentJson(segment), customerCount: await countSegment(db, ctx, segment.criteria) });
  },
  { allowSession: true },
);

export const PATCH = withTenant<{ id: string }>(
  async ({ req, db, ctx, params }) => {
    const id = parseId(params.id, 'segment');
    return Response.json(segmentJson(await updateSegment(db, ctx, id, await readJson(req, segmentPatchSchema))));
  },
  { minimumRole: 'admin', allowSession: true },
);

export const DELETE = withTenant<{ id: string }>(
  async ({ db, ctx, params }) => {
    await deleteSegment(db, ctx, parseId(params.id, 'segment'));
    return new Response(null, { status: 204 });
  },
  { minimumRole: 'admin', allowSession: true },
);
