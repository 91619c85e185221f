import { z } from 'zod';
import type { Database } from '@/db';
import { memberships, tenants, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import { passwordSchema } from '@/lib/auth/password-rules';
import { randomToken } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import { emailSchema, findUserByEmail } from '@/lib/users/users';

export const signupSchema = z.object({
  businessName: z.string().trim().min(2, 'Enter your business name.').max(100, 'Use at most 100 characters.'),
  name: z.string().trim().min(1, 'Enter your name.').max(100, 'Use at most 100 characters.'),
  email: emailSchema,
  password: passwordSchema,
});
export type SignupInput = z.infer<typeof signupSchema>;

function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'tenant'}-${randomToken(6).toLowerCase()}`;
}

// Creates a tenant owned by a new user, and queues the tenant's provisioning job in the same
// transaction so a tenant never exists without it.
export async function createTenantWithOwner(db: Database, input: SignupInput, jobs: JobClient = getJobClient()) {
  if (await findUserByEmail(db, input.email)) {
    throw AppError.field('conflict', 'email', 'An account with this email already exists. Log in instead.');
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email: input.email, name: input.name, passwordHash }).onConflictDoNothing().returning();
    if (!user) throw AppError.field('conflict', 'email', 'An account with this email already exists. Log in instead.');
    const tenant = await insertTenant(tx, input.businessName, user.id, jobs);
    return { tenant, user };
  });
}

// A tenant for an existing user (the "New business" entry of the tenant switcher).
export async function createTenantForUser(db: Database, userId: string, businessName: string, jobs: JobClient = getJobClient()) {
  return db.transaction((tx) => insertTenant(tx, businessName, userId, jobs));
}

async function insertTenant(tx: Database, name: string, ownerId: string, jobs: JobClient) {
  const [tenant] = await tx.insert(tenants).values({ name, slug: slugify(name) }).returning();
  if (!tenant) throw new Error('tenant insert returned nothing');
  await tx.insert(memberships).values({ tenantId: tenant.id, userId: ownerId, role: 'owner' });
  await recordAudit(tx, { tenantId: tenant.id, userId: ownerId, apiKeyId: null }, { action: 'tenant.created', targetType: 'tenant', targetId: tenant.id });
  await jobs.send({ name: 'tenant/provision', data: { tenantId: tenant.id }, dedupeKey: `tenant/provision:${tenant.id}` }, { db: tx });
  return tenant;
}
