// GET /api/v1/invitations — open invitations; POST — invite a team member
import { readJson } from '@/lib/api/body';
import { publicOrigin } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { getEnv } from '@/lib/env';
import { createInvitation, invitationInputSchema, listOpenInvitations } from '@/lib/members/invitations';

export const GET = withTenant(async ({ db, ctx }) => {
  return Response.json({ data: await listOpenInvitations(db, ctx), nextCursor: null });
});

export const POST = withTenant(async ({ req, db, ctx }) => {
  const input = await readJson(req, invitationInputSchema);
  const { invitation, path } = await createInvitation(db, ctx, input);
  const { id, email, role, createdAt, expiresAt } = invitation;
  const url = `${publicOrigin(req, getEnv().APP_URL)}${path}`;
  return Response.json({ id, email, role, createdAt, expiresAt, url }, { status: 201 });
});
