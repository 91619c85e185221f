import { PdpaNav } from '@/components/pdpa/pdpa-nav';
import { Forbidden } from '@/components/shell/forbidden';
import { requireSessionContext } from '@/lib/auth/session';
import { hasRole } from '@/lib/tenants/context';

// Settings → PDPA and its registers: owners and admins only (they hold names and IC-related
// requests, and the settings decide what customers are told).
export default async function PdpaLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireSessionContext();
  if (!hasRole(ctx, 'admin')) return <Forbidden what="PDPA settings and registers" />;
  return (
    <>
      <PdpaNav />
      {children}
    </>
  );
}
