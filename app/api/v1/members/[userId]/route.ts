// GET /api/v1/members/:userId — one team member
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { getMember } from '@/lib/members/members';

export const GET = withTenant<{ userId: string }>(async ({ db, ctx, params }) => {
  return Response.json(await getMember(db, ctx, parseId(params.userId, 'member')));
});
