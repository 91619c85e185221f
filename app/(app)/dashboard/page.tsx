import { BarChart3, KeyRound, MessageSquare, UserPlus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { after } from 'next/server';
import { FigureCard } from '@/components/analytics/figure-card';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { lastDays, previousRange } from '@/lib/analytics/days';
import { dashboardFigures } from '@/lib/analytics/figures';
import { keepAnalyticsFresh } from '@/lib/analytics/keep-fresh';
import { analyticsSummary, runningAt } from '@/lib/analytics/summary';
import { requireSessionContext } from '@/lib/auth/session';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'Dashboard' };

const PERIODS = [7, 30] as const;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireSessionContext();
  const db = getDb();
  const days = (await searchParams).days === '30' ? 30 : 7;
  const range = lastDays(days);
  await keepAnalyticsFresh(db, ctx.tenantId, after);
  const [summary, running, runningBefore] = await Promise.all([
    analyticsSummary(db, { tenantId: ctx.tenantId, ...range }),
    runningAt(db, ctx.tenantId, range),
    runningAt(db, ctx.tenantId, previousRange(range)),
  ]);
  const figures = dashboardFigures(summary, running, runningBefore);
  const admin = hasRole(ctx, 'admin');
  const steps = [
    { icon: MessageSquare, title: 'Talk to customers', text: 'Conversations from WhatsApp land in the inbox.', href: '/inbox', cta: 'Open inbox', show: true },
    { icon: UserPlus, title: 'Invite your team', text: 'Add admins and agents to share the inbox.', href: '/settings/team', cta: 'Invite', show: admin },
    { icon: KeyRound, title: 'Connect your systems', text: 'Create an API key for your POS or website.', href: '/settings/api-keys', cta: 'Create key', show: admin },
  ].filter((s) => s.show);
  return (
    <>
      <PageHeader
        title={`Selamat datang, ${ctx.tenantName}`}
        description={`The last ${days} days (${range.from} to ${range.to}, Malaysian time) against the ${days} days before.`}
        actions={
          <div className="flex gap-1">
            {PERIODS.map((n) => (
              <Button key={n} asChild size="sm" variant={n === days ? 'secondary' : 'ghost'}>
                <Link href={`/dashboard?days=${n}`}>{n} days</Link>
              </Button>
            ))}
            <Button asChild size="sm" variant="outline">
              <Link href="/analytics">
                <BarChart3 aria-hidden="true" />
                Analytics
              </Link>
            </Button>
          </div>
        }
      />
      <div className="grid gap-6">
        <section aria-label="Headline figures" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {figures.map((f) => (
            <FigureCard key={f.label} figure={f} />
          ))}
        </section>
        <section aria-label="Getting started" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
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
        </section>
      </div>
    </>
  );
}
