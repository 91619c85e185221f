// GET /inbox/changes — what changed in the inbox since ?since=; the open inbox polls it
import { z } from 'zod';
import { parseQuery } from '@/lib/api/body';
import { withTenant } from '@/lib/api/route';
import { inboxChanges } from '@/lib/inbox/changes';
import { inboxFilters } from '@/lib/inbox/views';

const changesQuerySchema = z.object({
  since: z.iso.datetime().transform((s) => new Date(s)),
  filter: z.enum(inboxFilters).default('open'),
  q: z.string().trim().max(100).optional(),
  c: z.uuid().optional(),
});

export const dynamic = 'force-dynamic';

// A GET route rather than a server action: Next.js runs a page's server actions one at a
// time, so a poll in flight would hold up a send.
export const GET = withTenant(
  async ({ req, db, ctx }) => {
    const query = parseQuery(req.url, changesQuerySchema);
    const changes = await inboxChanges(db, ctx, query.since, { filter: query.filter, search: query.q, conversationId: query.c });
    return Response.json(changes, { headers: { 'cache-control': 'no-store' } });
  },
  { allowSession: true },
);
