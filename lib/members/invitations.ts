import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { invitations, memberships, tenants, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import { passwordSchema } from '@/lib/auth/password-rules';
import { randomToken, sha256 } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenants/context';
import { emailSchema, findUserByEmail } from '@/lib/users/users';
import { requireRole, roleSchema } from './members';

const INVITATION_DAYS = 7;

export const invitationInputSchema = z.object({ email: emailSchema, role: roleSchema });
export const acceptInvitationSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(100, 'Use at most 100 characters.'),
  password: passwordSchema,
});

export function invitationPath(token: string): string {
  return `/invite/${token}`;
}

// There is no mail server: the link (with a token shown once) is handed to the inviter.
export async function createInvitation(db: Database, ctx: TenantContext, input: z.infer<typeof invitationInputSchema>) {
  requireRole(ctx, 'admin');
  if (input.role === 'owner' && ctx.role !== 'owner') throw AppError.field('forbidden', 'role', 'Only an owner can invite another owner.');
  const existing = await findUserByEmail(db, input.email);
  if (existing) {
    const [member] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, existing.id)));
    if (member) throw AppError.field('conflict', 'email', 'This person is already a member of your team.');
  }
  const token = randomToken(40);
  const invitation = await db.transaction(async (tx) => {
    // A new invitation replaces any open one for the same address.
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.tenantId, ctx.tenantId), eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const [row] = await tx
      .insert(invitations)
      .values({
        tenantId: ctx.tenantId,
        email: input.email,
        role: input.role,
        tokenHash: sha256(token),
        invitedBy: ctx.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    if (!row) throw new Error('invitation insert returned nothing');
    await recordAudit(tx, ctx, { action: 'member.invited', targetType: 'invitation', targetId: row.id, metadata: { role: input.role } });
    return row;
  });
  return { invitation, token, path: invitationPath(token) };
}

export async function listOpenInvitations(db: Database, ctx: TenantContext) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.tenantId, ctx.tenantId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(db: Database, ctx: TenantContext, invitationId: string) {
  requireRole(ctx, 'admin');
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.tenantId, ctx.tenantId), eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  if (!row) throw new AppError('not_found', 'No open invitation with that id.');
  await recordAudit(db, ctx, { action: 'invitation.revoked', targetType: 'invitation', targetId: row.id });
}

// Looked up by the token's hash; the token is the only credential the invitee holds.
export async function findOpenInvitation(db: Database, token: string) {
  const [row] = await db
    .select({ invitation: invitations, tenantName: tenants.name })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .where(and(eq(invitations.tokenHash, sha256(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .limit(1);
  if (!row) return null;
  const existingUser = await findUserByEmail(db, row.invitation.email);
  return { ...row.invitation, tenantName: row.tenantName, hasAccount: existingUser !== null };
}

// New people set a name and password; people who already have an account must be signed
// in as the invited address.
export async function acceptInvitation(
  db: Database,
  token: string,
  who: { signedInUserId: string } | z.infer<typeof acceptInvitationSchema>,
) {
  const invitation = await findOpenInvitation(db, token);
  if (!invitation) throw new AppError('not_found', 'This invitation link is invalid, expired or already used.');
  const existing = await findUserByEmail(db, invitation.email);
  let userId: string;
  if ('signedInUserId' in who) {
    if (!existing || existing.id !== who.signedInUserId) {
      throw new AppError('forbidden', `This invitation is for ${invitation.email}. Log in with that address to accept it.`);
    }
    userId = existing.id;
  } else {
    if (existing) throw new AppError('conflict', `An account for ${invitation.email} exists. Log in to accept the invitation.`);
    const [user] = await db
      .insert(users)
      .values({ email: invitation.email, name: who.name, passwordHash: await hashPassword(who.password) })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) throw new AppError('conflict', `An account for ${invitation.email} exists. Log in to accept the invitation.`);
    userId = user.id;
  }
  await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (!claimed) throw new AppError('conflict', 'This invitation was already used.');
    await tx.insert(memberships).values({ tenantId: invitation.tenantId, userId, role: invitation.role }).onConflictDoNothing();
    await recordAudit(tx, { tenantId: invitation.tenantId, userId, apiKeyId: null }, { action: 'invitation.accepted', targetType: 'invitation', targetId: invitation.id });
  });
  return { tenantId: invitation.tenantId, userId, email: invitation.email };
}
