'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { auth } from '@/lib/auth/next-auth';
import { setActiveTenant } from '@/lib/auth/session';
import { listTenantsForUser } from '@/lib/tenants/resolve';

export async function switchTenantAction(tenantId: string): Promise<void> {
  const userId = (await auth())?.user?.id;
  if (!userId) redirect('/login');
  // Only a tenant the user belongs to; anything else is ignored.
  const tenants = await listTenantsForUser(getDb(), userId);
  if (tenants.some((t) => t.id === tenantId)) await setActiveTenant(tenantId);
  redirect('/dashboard');
}
