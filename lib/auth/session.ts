import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import type { TenantContext } from '@/lib/tenants/context';
import { resolveTenantForUser } from '@/lib/tenants/resolve';
import { auth } from './next-auth';

export const TENANT_COOKIE = 'sembang_tenant';

// The tenant shown in the dashboard. Only a preference: membership is checked on every request.
export async function setActiveTenant(tenantId: string): Promise<void> {
  (await cookies()).set(TENANT_COOKIE, tenantId, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 86_400 });
}

// Session → { user, tenant, role } for dashboard pages, actions and route handlers.
export async function getSessionContext(): Promise<TenantContext | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const preferred = (await cookies()).get(TENANT_COOKIE)?.value ?? null;
  return resolveTenantForUser(getDb(), userId, preferred);
}

// For pages: signed-in users without any tenant are sent to create one.
export async function requireSessionContext(): Promise<TenantContext & { userId: string }> {
  const session = await auth();
  if (!session?.user?.id) redirect('/login');
  const ctx = await getSessionContext();
  if (!ctx?.userId) redirect('/onboarding');
  return { ...ctx, userId: ctx.userId };
}
