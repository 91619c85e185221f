// GET /api/v1/breaches — the breach register, newest first
// POST /api/v1/breaches — record a breach; the Commissioner is due a notification within 72 hours
import { parseQuery, readJson } from '@/lib/api/body';
import { decodeCursor, page } from '@/lib/api/pagination';
import { withTenant } from '@/lib/api/route';
import { breachCreateSchema, breachJson, breachListQuerySchema, createBreach, listBreaches } from '@/lib/pdpa/breaches';

export const GET = withTenant(
  async ({ req, db, ctx }) => {
    const { limit, cursor } = parseQuery(req.url, breachListQuerySchema);
    const rows = await listBreaches(db, ctx, { limit: limit + 1, after: decodeCursor(cursor) });
    const result = page(rows, limit, (b) => b);
    const now = new Date();
    return Response.json({ data: result.data.map((b) => breachJson(b, now)), nextCursor: result.nextCursor });
  },
  { minimumRole: 'admin' },
);

export const POST = withTenant(
  async ({ req, db, ctx }) => {
    const input = await readJson(req, breachCreateSchema);
    return Response.json(breachJson(await createBreach(db, ctx, input)), { status: 201 });
  },
  { minimumRole: 'admin' },
);
