// GET /api/v1/audit-log — the tenant's audit log, newest first
import { parseQuery } from '@/lib/api/body';
import { decodeCursor, listQuerySchema, page } from '@/lib/api/pagination';
import { withTenant } from '@/lib/api/route';
import { listAudit } from '@/lib/audit';

export const GET = withTenant(
  async ({ req, db, ctx }) => {
    const query = parseQuery(req.url, listQuerySchema);
    const rows = await listAudit(db, ctx, { limit: query.limit + 1, after: decodeCursor(query.cursor) });
    const result = page(rows, query.limit, (e) => e);
    return Response.json({ data: result.data.map(({ tenantId: _t, ...entry }) => entry), nextCursor: result.nextCursor });
  },
  { minimumRole: 'admin' },
);
