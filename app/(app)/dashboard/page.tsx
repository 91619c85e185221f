import { KeyRound, MessageSquare, UserPlus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { requireSessionContext } from '@/lib/auth/session';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const ctx = await requireSessionContext();
  const admin = hasRole(ctx, 'admin');
  const steps = [
    { icon: MessageSquare, title: 'Talk to customers', text: 'Conversations from WhatsApp land in the inbox.', href: '/inbox', cta: 'Open inbox', show: true },
    { icon: UserPlus, title: 'Invite your team', text: 'Add admins and agents to share the inbox.', href: '/settings/team', cta: 'Invite', show: admin },
    { icon: KeyRound, title: 'Connect your systems', text: 'Create an API key for your POS or website.', href: '/settings/api-keys', cta: 'Create key', show: admin },
  ].filter((s) => s.show);
  return (
    <>
      <PageHeader title={`Selamat datang, ${ctx.tenantName}`} description="Get set up, then watch your WhatsApp customer base grow." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {steps.map(({ icon: Icon, ...s }) => (
          <Card key={s.href}>
            <CardHeader>
              <Icon className="mb-2 size-5 text-primary" aria-hidden="true" />
              <CardTitle>{s.title}</CardTitle>
              <CardDescription>{s.text}</CardDescription>
            </CardHeader>
            <CardFooter>
              <Button asChild variant="outline" size="sm">
                <Link href={s.href}>{s.cta}</Link>
              </Button>
            </CardFooter>
          </Card>
        ))}
      </div>
    </>
  );
}
