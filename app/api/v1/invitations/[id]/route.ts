// DELETE /api/v1/invitations/:id — revoke an open invitation
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { revokeInvitation } from '@/lib/members/invitations';

export const DELETE = withTenant<{ id: string }>(async ({ db, ctx, params }) => {
  await revokeInvitation(db, ctx, parseId(params.id, 'invitation'));
  return new Response(null, { status: 204 });
});
