'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { tenantAction } from '@/lib/actions/tenant-action';
import { createInvitation, invitationInputSchema, revokeInvitation } from '@/lib/members/invitations';
import { changeMemberRole, removeMember, roleSchema } from '@/lib/members/members';

const done = <T>(value: T) => {
  revalidatePath('/settings/team');
  return value;
};

export const inviteMemberAction = tenantAction(
  invitationInputSchema,
  async ({ db, ctx, input }) => done({ path: (await createInvitation(db, ctx, input)).path, email: input.email }),
  { minimumRole: 'admin' },
);

export const changeRoleAction = tenantAction(
  z.object({ userId: z.uuid(), role: roleSchema }),
  async ({ db, ctx, input }) => done(await changeMemberRole(db, ctx, input)),
  { minimumRole: 'admin', message: 'Role updated.' },
);

export const removeMemberAction = tenantAction(
  z.object({ userId: z.uuid() }),
  async ({ db, ctx, input }) => done(await removeMember(db, ctx, input.userId)),
  { minimumRole: 'admin', message: 'Member removed.' },
);

export const revokeInvitationAction = tenantAction(
  z.object({ invitationId: z.uuid() }),
  async ({ db, ctx, input }) => done(await revokeInvitation(db, ctx, input.invitationId)),
  { minimumRole: 'admin', message: 'Invitation revoked.' },
);
