'use client';

import { CategoryBarChart } from '@/components/charts/category-bar-chart';
import { ChartCard } from '@/components/charts/chart-card';
import { CHART_COLORS, formatCount } from '@/components/charts/chart-data';
import { definitions } from '@/lib/analytics/definitions';
import type { AnalyticsReport, Distribution } from '@/lib/analytics/report';

const series = [{ key: 'customers', name: 'Customers', color: CHART_COLORS[0] }];
const rows = (d: readonly Distribution[]) => d.map((x) => ({ group: x.label, customers: x.customers }));

function DistributionCard({ title, testId, data, definition, fileName, horizontal = false, height, description }: { title: string; testId: string; data: readonly Distribution[]; definition: string; fileName: string; horizontal?: boolean; height?: number; description?: string }) {
  const chartRows = rows(data);
  return (
    <ChartCard title={title} definition={definition} description={description} data={chartRows} categoryKey="group" categoryLabel={title} series={series} fileName={fileName}
      empty={data.every((x) => x.customers === 0)} emptyText="No customers in the last snapshot." testId={testId}>
      <CategoryBarChart data={chartRows} categoryKey="group" series={series} format={formatCount} horizontal={horizontal} height={height} />
    </ChartCard>
  );
}

// Engagement and demographics: the customer base as it is now (hourly snapshot).
export function CustomerCharts({ report, suffix }: { report: AnalyticsReport; suffix: string }) {
  const active = report.engagement.filter((b) => b.key !== '0').reduce((n, b) => n + b.customers, 0);
  const inactive = report.engagement.find((b) => b.key === '0')?.customers ?? 0;
  const activity: Distribution[] = [
    { key: 'active', label: 'Active (30 days)', customers: active },
    { key: 'inactive', label: 'Inactive', customers: inactive },
  ];
  const d = report.demographics;
  return (
    <section className="grid gap-4 lg:grid-cols-2" aria-label="Engagement and demographics">
      <DistributionCard title="Active vs inactive" testId="chart-activity" data={activity} definition={definitions.engagement} fileName={`active-inactive${suffix}.csv`} horizontal height={160} />
      <DistributionCard title="Engagement score" description="Customers by inbound messages in the last 30 days" testId="chart-engagement" data={report.engagement} definition={definitions.engagement} fileName={`engagement-score${suffix}.csv`} />
      <DistributionCard title="Age" testId="chart-age" data={d.age} definition={definitions.demographics} fileName={`age${suffix}.csv`} />
      <DistributionCard title="Gender" testId="chart-gender" data={d.gender} definition={definitions.demographics} fileName={`gender${suffix}.csv`} />
      <DistributionCard title="State" testId="chart-state" data={d.state} definition={definitions.demographics} fileName={`state${suffix}.csv`} horizontal height={480} />
      <div className="grid gap-4">
        <DistributionCard title="Marital status" testId="chart-marital" data={d.marital} definition={definitions.demographics} fileName={`marital-status${suffix}.csv`} />
        <DistributionCard title="Tier" testId="chart-tier" data={d.tier} definition={definitions.demographics} fileName={`tier${suffix}.csv`} />
      </div>
    </section>
  );
}
