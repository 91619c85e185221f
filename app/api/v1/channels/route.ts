// GET /api/v1/channels — the tenant's WhatsApp channels, oldest first; POST — connect a cloud or wabot channel
import { parseQuery, readJson } from '@/lib/api/body';
import { decodeCursor, listQuerySchema, page } from '@/lib/api/pagination';
import { withTenant } from '@/lib/api/route';
import { createChannel, listChannels } from '@/lib/channels/channels';
import { channelCreateSchema } from '@/lib/channels/input';

export const GET = withTenant(async ({ req, db, ctx }) => {
  const query = parseQuery(req.url, listQuerySchema);
  const rows = await listChannels(db, ctx, { limit: query.limit + 1, after: decodeCursor(query.cursor) });
  return Response.json(page(rows, query.limit, (c) => ({ createdAt: c.createdAt, id: c.id })));
});

export const POST = withTenant(async ({ req, db, ctx }) => {
  const channel = await createChannel(db, ctx, await readJson(req, channelCreateSchema));
  return Response.json(channel, { status: 201 });
});
