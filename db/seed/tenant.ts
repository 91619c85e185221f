import type { Database } from '@/db';
import { memberships, type Role } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import type { JobClient } from '@/lib/jobs/client';
import { createTenantWithOwner } from '@/lib/tenants/signup';
import { users } from '@/db/schema';

export interface SeedMember {
  email: string;
  name: string;
  password: string;
  role: Role;
}

// A tenant with its owner and any extra members, through the same code path as sign-up.
// Tests, benchmarks and `db:seed` all call this.
export async function seedTenant(
  db: Database,
  input: { businessName: string; owner: Omit<SeedMember, 'role'>; members?: SeedMember[] },
  jobs?: JobClient,
) {
  const { tenant, user } = await createTenantWithOwner(db, { businessName: input.businessName, ...input.owner }, jobs);
  const members = [];
  for (const m of input.members ?? []) {
    const [member] = await db.insert(users).values({ email: m.email.toLowerCase(), name: m.name, passwordHash: await hashPassword(m.password) }).returning();
    if (!member) throw new Error('user insert returned nothing');
    await db.insert(memberships).values({ tenantId: tenant.id, userId: member.id, role: m.role });
    members.push(member);
  }
  return { tenant, owner: user, members };
}
