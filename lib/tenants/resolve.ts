import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { memberships, tenants } from '@/db/schema';
import type { TenantContext } from './context';

export async function listTenantsForUser(db: Database, userId: string) {
  return db
    .select({ id: tenants.id, name: tenants.name, role: memberships.role })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(tenants.name));
}

// The user's tenant: the preferred one if they are still a member of it, else their first.
export async function resolveTenantForUser(db: Database, userId: string, preferredTenantId: string | null): Promise<TenantContext | null> {
  const all = await listTenantsForUser(db, userId);
  const row = all.find((t) => t.id === preferredTenantId) ?? all[0];
  if (!row) return null;
  return { tenantId: row.id, tenantName: row.name, role: row.role, userId, apiKeyId: null };
}
