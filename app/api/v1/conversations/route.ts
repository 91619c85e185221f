// GET /api/v1/conversations — conversations, latest activity first, by ?filter= and ?search=
import { parseQuery } from '@/lib/api/body';
import { decodeCursor, page } from '@/lib/api/pagination';
import { withTenant } from '@/lib/api/route';
import { conversationListQuerySchema, listConversations } from '@/lib/inbox/conversations';

export const GET = withTenant(async ({ req, db, ctx }) => {
  const query = parseQuery(req.url, conversationListQuerySchema);
  const rows = await listConversations(db, ctx, { filter: query.filter, search: query.search, limit: query.limit + 1, after: decodeCursor(query.cursor) });
  return Response.json(page(rows, query.limit, (c) => ({ createdAt: new Date(c.lastMessageAt), id: c.id })));
});
