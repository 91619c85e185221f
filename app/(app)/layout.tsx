import { Logo } from '@/components/brand/logo';
import { MobileNav } from '@/components/shell/mobile-nav';
import { SidebarNav } from '@/components/shell/sidebar-nav';
import { TenantSwitcher } from '@/components/shell/tenant-switcher';
import { UserMenu } from '@/components/shell/user-menu';
import { ThemeToggle } from '@/components/theme-toggle';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { listTenantsForUser } from '@/lib/tenants/resolve';
import { findUserById } from '@/lib/users/users';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireSessionContext();
  const db = getDb();
  const [tenants, user] = await Promise.all([listTenantsForUser(db, ctx.userId), findUserById(db, ctx.userId)]);
  const switcher = <TenantSwitcher tenants={tenants} currentId={ctx.tenantId} />;
  return (
    <div className="flex min-h-dvh">
      <aside className="sticky top-0 hidden h-dvh w-64 shrink-0 flex-col gap-6 border-r bg-sidebar p-4 md:flex">
        <Logo href="/dashboard" />
        {switcher}
        <SidebarNav />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/95 px-4 backdrop-blur md:px-6">
          <MobileNav>{switcher}</MobileNav>
          <span className="truncate text-sm font-medium text-muted-foreground" data-testid="current-tenant">
            {ctx.tenantName}
          </span>
          <div className="ml-auto flex items-center gap-1">
            <ThemeToggle />
            <UserMenu name={user?.name ?? ''} email={user?.email ?? ''} role={ctx.role} />
          </div>
        </header>
        <main className="flex-1 px-4 py-6 md:px-8">{children}</main>
      </div>
    </div>
  );
}
