// GET /api/v1/contests/:id/entries — the contest's entries, newest first (?status=valid|disqualified)
import { parseQuery } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { decodeCursor, page } from '@/lib/api/pagination';
import { withTenant } from '@/lib/api/route';
import { entryJson, listEntries } from '@/lib/contests/entries';
import { entryListQuerySchema } from '@/lib/contests/schema';

export const GET = withTenant<{ id: string }>(
  async ({ req, db, ctx, params }) => {
    const { limit, cursor, status } = parseQuery(req.url, entryListQuerySchema);
    const rows = await listEntries(db, ctx, parseId(params.id, 'contest'), { limit: limit + 1, after: decodeCursor(cursor), status });
    const result = page(rows, limit, (r) => r.entry);
    return Response.json({ data: result.data.map((r) => entryJson(r.entry)), nextCursor: result.nextCursor });
  },
  { allowSession: true },
);
