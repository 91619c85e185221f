import type { Metadata } from 'next';
import { after } from 'next/server';
import { CommerceCharts } from '@/components/analytics/commerce-charts';
import { CustomerCharts } from '@/components/analytics/customer-charts';
import { MessageCharts } from '@/components/analytics/message-charts';
import { RangeFilter } from '@/components/analytics/range-filter';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { getDb } from '@/db';
import { lastDays } from '@/lib/analytics/days';
import { keepAnalyticsFresh } from '@/lib/analytics/keep-fresh';
import { analyticsReport } from '@/lib/analytics/report';
import { analyticsRangeSchema } from '@/lib/analytics/schema';
import { requireSessionContext } from '@/lib/auth/session';
import { listChannels } from '@/lib/channels/channels';

export const metadata: Metadata = { title: 'Analytics' };

const first = (v: string | string[] | undefined) => (typeof v === 'string' && v !== '' ? v : undefined);

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireSessionContext();
  const db = getDb();
  const params = await searchParams;
  const parsed = analyticsRangeSchema.safeParse({ from: first(params.from), to: first(params.to), channelId: first(params.channelId) });
  // A bad link falls back to the last 30 days and says why.
  const range = parsed.success ? parsed.data : { ...lastDays(30), channelId: null };
  await keepAnalyticsFresh(db, ctx.tenantId, after);
  const [report, channels] = await Promise.all([analyticsReport(db, { tenantId: ctx.tenantId, ...range }), listChannels(db, ctx)]);
  const suffix = `-${range.from}-to-${range.to}`;
  const quick = Object.fromEntries([7, 30, 90].map((n) => [n, lastDays(n)]));
  const updated = report.refreshedAt ? new Date(report.refreshedAt).toLocaleString('en-MY', { timeZone: 'Asia/Kuala_Lumpur', dateStyle: 'medium', timeStyle: 'short' }) : 'never';
  return (
    <>
      <PageHeader title="Analytics" description={`Malaysian days ${range.from} to ${range.to}. Figures updated ${updated} (every 5 minutes); profiles and engagement hourly.`} />
      <div className="grid gap-6">
        <RangeFilter from={range.from} to={range.to} channelId={range.channelId} channels={channels.map((c) => ({ id: c.id, name: c.name }))} quick={quick} />
        {report.refreshedAt === null ? (
          <Alert>
            <AlertDescription>Counting this business's history for the first time; the charts fill in within a few minutes.</AlertDescription>
          </Alert>
        ) : null}
        {parsed.success ? null : (
          <Alert variant="destructive">
            <AlertDescription>{parsed.error.issues[0]?.message ?? 'The range is not valid.'} Showing the last 30 days.</AlertDescription>
          </Alert>
        )}
        <h2 className="text-lg font-semibold">Messages and consent</h2>
        <MessageCharts report={report} suffix={suffix} />
        <h2 className="text-lg font-semibold">Customers</h2>
        <CustomerCharts report={report} suffix={suffix} />
        <h2 className="text-lg font-semibold">Purchases, campaigns and contests</h2>
        <CommerceCharts report={report} suffix={suffix} />
      </div>
    </>
  );
}
