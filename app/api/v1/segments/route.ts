// GET /api/v1/segments — the tenant's segments, newest first (no counts: see GET /segments/:id)
// POST /api/v1/segments — save a segment (owners and admins)
import { parseQuery, readJson } from '@/lib/api/body';
import { decodeCursor, listQuerySchema, page } from '@/lib/api/pagination';
import { withTenant } from '@/lib/api/route';
import { segmentInputSchema } from '@/lib/segments/schema';
import { createSegment, listSegments, segmentJson } from '@/lib/segments/segments';

export const GET = withTenant(
  async ({ req, db, ctx }) => {
    const { limit, cursor } = parseQuery(req.url, listQuerySchema);
    const result = page(await listSegments(db, ctx, { limit: limit + 1, after: decodeCursor(cursor) }), limit, (s) => s);
    return Response.json({ data: result.data.map(segmentJson), nextCursor: result.nextCursor });
  },
  { allowSession: true },
);

export const POST = withTenant(
  async ({ req, db, ctx }) => Response.json(segmentJson(await createSegment(db, ctx, await readJson(req, segmentInputSchema))), { status: 201 }),
  { minimumRole: 'admin', allowSession: true },
);
