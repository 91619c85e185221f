// POST /api/v1/channels/:id/test — ask WhatsApp for the number's verified name and quality rating
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { testChannelConnection } from '@/lib/channels/connection';

export const POST = withTenant<{ id: string }>(async ({ db, ctx, params }) => {
  return Response.json(await testChannelConnection(db, ctx, parseId(params.id, 'channel')));
});
