// GET /api/v1/channels/:id — one channel; PATCH — change it (secrets only when given); DELETE — remove it
import { readJson } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { deleteChannel, getChannel, updateChannel } from '@/lib/channels/channels';
import { channelUpdateSchema } from '@/lib/channels/input';

export const GET = withTenant<{ id: string }>(async ({ db, ctx, params }) => {
  return Response.json(await getChannel(db, ctx, parseId(params.id, 'channel')));
});

export const PATCH = withTenant<{ id: string }>(async ({ req, db, ctx, params }) => {
  const id = parseId(params.id, 'channel');
  return Response.json(await updateChannel(db, ctx, id, await readJson(req, channelUpdateSchema)));
});

export const DELETE = withTenant<{ id: string }>(async ({ db, ctx, params }) => {
  await deleteChannel(db, ctx, parseId(params.id, 'channel'));
  return new Response(null, { status: 204 });
});
