import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Role, auditLog, memberships, users } from '@/db/schema';
import { seedTenant } from '@/db/seed/tenant';
import { hashPassword } from '@/lib/auth/password';
import { localJobClient } from '@/lib/jobs/local-driver';
import type { TenantContext } from '@/lib/tenants/context';

// Passes the password rules; every test user has it.
export const TEST_PASSWORD = 'Kedai-runcit-2024';

export type MemberContext = TenantContext & { userId: string };

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

// A tenant and its owner through the sign-up code path; jobs go to the jobs table whatever
// the environment says, so tests never reach Inngest.
export async function createTestTenant(db: Database, businessName = 'Kedai Runcit Ali'): Promise<MemberContext> {
  const { tenant, owner } = await seedTenant(
    db,
    { businessName, owner: { email: uniqueEmail('owner'), name: 'Ali Owner', password: TEST_PASSWORD } },
    localJobClient,
  );
  return { tenantId: tenant.id, tenantName: tenant.name, role: 'owner', userId: owner.id, apiKeyId: null };
}

// Hashed once: argon2id is deliberately slow and most test users never sign in.
let passwordHash: Promise<string> | undefined;

export async function createTestUser(db: Database, email = uniqueEmail()) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db.insert(users).values({ email, name: `User ${email.split('@')[0]}`, passwordHash: await passwordHash }).returning();
  if (!user) throw new Error('user insert returned nothing');
  return user;
}

// A new user with `role` in the tenant, returned as the context that user acts in.
export async function addMember(db: Database, tenant: TenantContext, role: Role): Promise<MemberContext> {
  const user = await createTestUser(db, uniqueEmail(role));
  await db.insert(memberships).values({ tenantId: tenant.tenantId, userId: user.id, role });
  return { ...tenant, role, userId: user.id, apiKeyId: null };
}

// Oldest first; entries written in the same millisecond come in any order.
export async function auditActions(db: Database, tenantId: string): Promise<string[]> {
  const rows = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.tenantId, tenantId)).orderBy(asc(auditLog.createdAt));
  return rows.map((r) => r.action);
}

export async function membershipRole(db: Database, tenantId: string, userId: string): Promise<Role | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}
