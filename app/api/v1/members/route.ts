// GET /api/v1/members — team members, oldest first
import { parseQuery } from '@/lib/api/body';
import { decodeCursor, listQuerySchema, page } from '@/lib/api/pagination';
import { withTenant } from '@/lib/api/route';
import { listMembers } from '@/lib/members/members';

export const GET = withTenant(async ({ req, db, ctx }) => {
  const query = parseQuery(req.url, listQuerySchema);
  const rows = await listMembers(db, ctx, { limit: query.limit + 1, after: decodeCursor(query.cursor) });
  return Response.json(page(rows, query.limit, (m) => ({ createdAt: m.joinedAt, id: m.userId })));
});
