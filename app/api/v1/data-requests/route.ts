// GET /api/v1/data-requests — the data-subject request log, newest received first
// POST /api/v1/data-requests — log a request; it is due 21 days after receipt
import { parseQuery, readJson } from '@/lib/api/body';
import { decodeCursor, page } from '@/lib/api/pagination';
import { withTenant } from '@/lib/api/route';
import { createDataRequest, dataRequestCreateSchema, dataRequestJson, dataRequestListQuerySchema, listDataRequests } from '@/lib/pdpa/requests';

export const GET = withTenant(
  async ({ req, db, ctx }) => {
    const { limit, cursor, status, customerId } = parseQuery(req.url, dataRequestListQuerySchema);
    const rows = await listDataRequests(db, ctx, { limit: limit + 1, after: decodeCursor(cursor), status, customerId });
    const result = page(rows, limit, (r) => ({ createdAt: r.receivedAt, id: r.id }));
    const now = new Date();
    return Response.json({ data: result.data.map((r) => dataRequestJson(r, now)), nextCursor: result.nextCursor });
  },
  { minimumRole: 'admin' },
);

export const POST = withTenant(
  async ({ req, db, ctx }) => {
    const input = await readJson(req, dataRequestCreateSchema);
    return Response.json(dataRequestJson(await createDataRequest(db, ctx, input)), { status: 201 });
  },
  { minimumRole: 'admin' },
);
