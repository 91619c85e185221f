import { SettingsNav } from '@/components/settings/settings-nav';
import { PageHeader } from '@/components/shell/page-header';
import { requireSessionContext } from '@/lib/auth/session';
import { hasRole } from '@/lib/tenants/context';

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireSessionContext();
  return (
    <>
      <PageHeader title="Settings" description={`Settings for ${ctx.tenantName}.`} />
      <SettingsNav isAdmin={hasRole(ctx, 'admin')} />
      {children}
    </>
  );
}
