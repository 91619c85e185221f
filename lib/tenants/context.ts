import type { Role } from '@/db/schema';

// Who is acting, for which tenant. Resolved once per request on the server; a tenant id in
// client input is never trusted.
export interface TenantContext {
  tenantId: string;
  tenantName: string;
  role: Role;
  userId: string | null;
  apiKeyId: string | null;
}

const rank: Record<Role, number> = { agent: 0, admin: 1, owner: 2 };

export function hasRole(ctx: Pick<TenantContext, 'role'>, minimum: Role): boolean {
  return rank[ctx.role] >= rank[minimum];
}
