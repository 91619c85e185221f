// GET /api/v1/contests — the tenant's contests, newest first, with status and entry counts
// POST /api/v1/contests — create a contest (owners and admins)
import { parseQuery, readJson } from '@/lib/api/body';
import { decodeCursor, listQuerySchema, page } from '@/lib/api/pagination';
import { withTenant } from '@/lib/api/route';
import { contestJson, createContest, listContests } from '@/lib/contests/contests';
import { contestInputSchema } from '@/lib/contests/schema';

export const GET = withTenant(
  async ({ req, db, ctx }) => {
    const { limit, cursor } = parseQuery(req.url, listQuerySchema);
    const result = page(await listContests(db, ctx, { limit: limit + 1, after: decodeCursor(cursor) }), limit, (s) => s.contest);
    const now = new Date();
    return Response.json({ data: result.data.map((s) => contestJson(s, now)), nextCursor: result.nextCursor });
  },
  { allowSession: true },
);

export const POST = withTenant(
  async ({ req, db, ctx }) => Response.json(contestJson(await createContest(db, ctx, await readJson(req, contestInputSchema))), { status: 201 }),
  { minimumRole: 'admin', allowSession: true },
);
