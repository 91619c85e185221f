'use client';

import { CategoryBarChart } from '@/components/charts/category-bar-chart';
import { ChartCard } from '@/components/charts/chart-card';
import { CHART_COLORS, type ChartValue, formatCount, formatMoney, formatMoneyAxis } from '@/components/charts/chart-data';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { definitions } from '@/lib/analytics/definitions';
import type { AnalyticsReport, LifetimeValue } from '@/lib/analytics/report';

const [c1, c2, c3] = CHART_COLORS;
const money = (v: string | null) => (v === null ? null : Number(v));
// The CSV keeps money as the API does: two decimal places.
const moneyCsv = (v: ChartValue) => (v === null ? null : Number(v).toFixed(2));
const STAGES = [
  ['sent', 'Sent'],
  ['delivered', 'Delivered'],
  ['read', 'Read'],
  ['clicked', 'Clicked'],
  ['converted', 'Converted'],
] as const;

function ValueCard({ title, testId, values, fileName, categoryLabel }: { title: string; testId: string; values: readonly LifetimeValue[]; fileName: string; categoryLabel: string }) {
  const data = values.map((v) => ({ group: v.label, averageValue: money(v.averageValue), customers: v.customers }));
  const series = [{ key: 'averageValue', name: 'Average lifetime value (RM)', color: c2 ?? '', csv: moneyCsv }];
  return (
    <ChartCard title={title} definition={definitions.lifetimeValue} data={data} categoryKey="group" categoryLabel={categoryLabel} series={series} fileName={fileName}
      empty={values.every((v) => v.customers === 0)} emptyText="No customers in the last snapshot." testId={testId}>
      <CategoryBarChart data={data} categoryKey="group" series={series} format={formatMoney} axisFormat={formatMoneyAxis} />
    </ChartCard>
  );
}

// Purchases, lifetime value, campaign funnels and contest entries.
export function CommerceCharts({ report, suffix }: { report: AnalyticsReport; suffix: string }) {
  const days = report.customers.map((d) => ({ day: d.day, revenue: Number(d.revenue), purchases: d.purchases }));
  const anyPurchases = days.some((d) => d.purchases > 0);
  const revenueSeries = [{ key: 'revenue', name: 'Revenue (RM)', color: c1 ?? '', csv: moneyCsv }];
  const countSeries = [{ key: 'purchases', name: 'Purchases', color: c3 ?? '' }];
  const merchants = report.topMerchants.map((m) => ({ merchant: m.merchant, revenue: Number(m.revenue) }));
  const merchantSeries = [{ key: 'revenue', name: 'Revenue (RM)', color: c1 ?? '', csv: moneyCsv }];
  const t = report.customerTotals;
  const campaigns = report.campaigns;
  const funnel = STAGES.map(([key, stage]) => Object.fromEntries([['stage', stage], ...campaigns.map((c, i) => [`c${i}`, c[key]])]) as Record<string, ChartValue>);
  const campaignSeries = campaigns.map((c, i) => ({ key: `c${i}`, name: c.name, color: CHART_COLORS[i % CHART_COLORS.length] ?? '' }));
  const entries = report.contestDays;
  const perContest = report.contests.map((c) => ({ contest: c.name, entries: c.entries }));
  const entrySeries = [{ key: 'entries', name: 'Entries', color: c2 ?? '' }];
  return (
    <section className="grid gap-4 lg:grid-cols-2" aria-label="Purchases, campaigns and contests">
      <ChartCard title="Revenue per day" definition={definitions.revenue} description={`${formatMoney(Number(t.revenue))} · average spend ${t.averageSpend === null ? '—' : formatMoney(Number(t.averageSpend))}`}
        data={days} categoryKey="day" categoryLabel="Day" series={revenueSeries} fileName={`revenue${suffix}.csv`} empty={!anyPurchases} emptyText="No purchases recorded in this range." testId="chart-revenue">
        <TimeSeriesChart data={days} series={revenueSeries} format={formatMoney} axisFormat={formatMoneyAxis} />
      </ChartCard>
      <ChartCard title="Purchases per day" definition={definitions.revenue} description={`${formatCount(t.purchases)} purchases`}
        data={days} categoryKey="day" categoryLabel="Day" series={countSeries} fileName={`purchases${suffix}.csv`} empty={!anyPurchases} emptyText="No purchases recorded in this range." testId="chart-purchases">
        <TimeSeriesChart data={days} series={countSeries} format={formatCount} />
      </ChartCard>
      <ChartCard title="Top merchants" definition={definitions.topMerchants} data={merchants} categoryKey="merchant" categoryLabel="Merchant"
        series={merchantSeries} fileName={`top-merchants${suffix}.csv`} empty={merchants.length === 0} emptyText="No receipts in this range." testId="chart-merchants">
        <CategoryBarChart data={merchants} categoryKey="merchant" series={merchantSeries} format={formatMoney} axisFormat={formatMoneyAxis} horizontal height={Math.max(160, merchants.length * 36)} />
      </ChartCard>
      <ValueCard title="Lifetime value by tier" testId="chart-clv-tier" values={report.lifetimeValueByTier} fileName={`lifetime-value-tier${suffix}.csv`} categoryLabel="Tier" />
      <ValueCard title="Lifetime value by acquisition month" testId="chart-clv-month" values={report.lifetimeValueByMonth} fileName={`lifetime-value-month${suffix}.csv`} categoryLabel="Month" />
      <ChartCard title="Campaign funnels" definition={definitions.campaignFunnels} description={campaigns.length > 0 ? `${campaigns.length} most recent campaigns of the range` : undefined}
        data={funnel} categoryKey="stage" categoryLabel="Stage" series={campaignSeries} fileName={`campaign-funnels${suffix}.csv`} empty={campaigns.length === 0} emptyText="No campaign ran in this range." testId="chart-campaigns">
        <CategoryBarChart data={funnel} categoryKey="stage" series={campaignSeries} format={formatCount} />
      </ChartCard>
      <ChartCard title="Contest entries per day" definition={definitions.contestEntries} data={entries} categoryKey="day" categoryLabel="Day" series={entrySeries}
        fileName={`contest-entries${suffix}.csv`} empty={entries.every((e) => e.entries === 0)} emptyText="No contest entries in this range." testId="chart-contest-days">
        <TimeSeriesChart data={entries} series={entrySeries} format={formatCount} />
      </ChartCard>
      <ChartCard title="Entries per contest" definition={definitions.contestEntries} data={perContest} categoryKey="contest" categoryLabel="Contest" series={entrySeries}
        fileName={`contest-totals${suffix}.csv`} empty={perContest.length === 0} emptyText="No contest entries in this range." testId="chart-contests">
        <CategoryBarChart data={perContest} categoryKey="contest" series={entrySeries} format={formatCount} horizontal height={Math.max(160, perContest.length * 36)} />
      </ChartCard>
    </section>
  );
}
