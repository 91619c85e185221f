import { and, asc, eq, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { type Role, memberships, roles, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { afterCursor, type Cursor } from '@/lib/api/pagination';
import { AppError } from '@/lib/errors';
import { type TenantContext, hasRole } from '@/lib/tenants/context';

export const roleSchema = z.enum(roles, { message: 'Choose owner, admin or agent.' });

export function requireRole(ctx: TenantContext, minimum: Role): void {
  if (!hasRole(ctx, minimum)) throw new AppError('forbidden', `This needs the ${minimum} role or higher.`);
}

const memberColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  role: memberships.role,
  joinedAt: memberships.createdAt,
  lastLoginAt: users.lastLoginAt,
};

export async function listMembers(db: Database, ctx: TenantContext, paging: { limit: number; after?: Cursor | null } = { limit: 500 }) {
  const after = paging.after;
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.tenantId, ctx.tenantId),
        afterCursor(memberships.createdAt, memberships.userId, after, 'asc'),
      ),
    )
    .orderBy(asc(memberships.createdAt), asc(memberships.userId))
    .limit(paging.limit);
}

export async function getMember(db: Database, ctx: TenantContext, userId: string) {
  const [member] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, userId)))
    .limit(1);
  if (!member) throw new AppError('not_found', 'No such member in this tenant.');
  return member;
}

// Locks the owners' rows so two owners stepping down (or removing each other) at the same time
// cannot both see the other one and leave the tenant without an owner.
async function ownerCount(db: Database, tenantId: string): Promise<number> {
  const owners = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, 'owner')))
    .orderBy(asc(memberships.userId))
    .for('update');
  return owners.length;
}

// Owners and admins manage the team; only an owner may create, demote or remove an owner,
// and a tenant always keeps at least one owner.
export async function changeMemberRole(db: Database, ctx: TenantContext, input: { userId: string; role: Role }) {
  requireRole(ctx, 'admin');
  return db.transaction(async (tx) => {
    const member = await getMember(tx, ctx, input.userId);
    if (member.role === input.role) return member;
    if ((member.role === 'owner' || input.role === 'owner') && ctx.role !== 'owner') {
      throw new AppError('forbidden', 'Only an owner can grant or remove the owner role.');
    }
    if (member.role === 'owner' && (await ownerCount(tx, ctx.tenantId)) <= 1) {
      throw new AppError('conflict', 'A tenant needs at least one owner. Make someone else owner first.');
    }
    await tx.update(memberships).set({ role: input.role }).where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, input.userId)));
    await recordAudit(tx, ctx, { action: 'member.role_changed', targetType: 'user', targetId: input.userId, metadata: { from: member.role, to: input.role } });
    return { ...member, role: input.role };
  });
}

export async function removeMember(db: Database, ctx: TenantContext, userId: string) {
  if (userId !== ctx.userId) requireRole(ctx, 'admin');
  await db.transaction(async (tx) => {
    const member = await getMember(tx, ctx, userId);
    if (member.role === 'owner' && ctx.role !== 'owner') throw new AppError('forbidden', 'Only an owner can remove an owner.');
    if (member.role === 'owner' && (await ownerCount(tx, ctx.tenantId)) <= 1) {
      throw new AppError('conflict', 'A tenant needs at least one owner. Make someone else owner first.');
    }
    await tx.delete(memberships).where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, userId)));
    await recordAudit(tx, ctx, { action: 'member.removed', targetType: 'user', targetId: userId, metadata: { role: member.role } });
  });
}
