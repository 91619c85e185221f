'use client';

import { CategoryBarChart } from '@/components/charts/category-bar-chart';
import { ChartCard } from '@/components/charts/chart-card';
import { CHART_COLORS, formatCount, formatDuration, formatPercent, formatPercentAxis } from '@/components/charts/chart-data';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { definitions } from '@/lib/analytics/definitions';
import type { AnalyticsReport } from '@/lib/analytics/report';

const [c1, c2, c3] = CHART_COLORS;

// Message volume, response rate, first response; the consent funnel and rates.
export function MessageCharts({ report, suffix }: { report: AnalyticsReport; suffix: string }) {
  const messages = report.messages.map((d) => ({ day: d.day, inbound: d.inbound, outbound: d.outbound, responseRate: d.responseRate, firstResponse: d.medianFirstResponseSeconds }));
  const anyMessages = messages.some((d) => d.inbound + d.outbound > 0);
  const anyThreads = messages.some((d) => d.responseRate !== null);
  const anyAnswered = messages.some((d) => d.firstResponse !== null);
  const totals = report.customerTotals;
  const funnel = [
    { stage: 'Notice sent', customers: totals.noticesSent },
    { stage: 'Answered', customers: totals.consentAnswers },
    { stage: 'Granted', customers: totals.consentAnswersGranted },
  ];
  const rates = report.customers.map((d) => ({ day: d.day, consentRate: d.consentRate, optOutRate: d.optOutRate }));
  const volumeSeries = [
    { key: 'inbound', name: 'Inbound', color: c1 ?? '', stackId: 'm' },
    { key: 'outbound', name: 'Outbound', color: c3 ?? '', stackId: 'm' },
  ];
  const rateSeries = [{ key: 'responseRate', name: 'Response rate', color: c1 ?? '', kind: 'line' as const }];
  const responseSeries = [{ key: 'firstResponse', name: 'Median first response', color: c2 ?? '', kind: 'line' as const }];
  const funnelSeries = [{ key: 'customers', name: 'Customers', color: c1 ?? '' }];
  const consentSeries = [
    { key: 'consentRate', name: 'Consent rate', color: c1 ?? '', kind: 'line' as const },
    { key: 'optOutRate', name: 'Opt-out rate', color: c3 ?? '', kind: 'line' as const },
  ];
  const t = report.messageTotals;
  return (
    <section className="grid gap-4 lg:grid-cols-2" aria-label="Messages and consent">
      <ChartCard title="Message volume" definition={definitions.messageVolume} description={`${formatCount(t.inbound)} in · ${formatCount(t.outbound)} out`}
        data={messages} categoryKey="day" categoryLabel="Day" series={volumeSeries} fileName={`message-volume${suffix}.csv`} empty={!anyMessages} testId="chart-message-volume">
        <TimeSeriesChart data={messages} series={volumeSeries} format={formatCount} />
      </ChartCard>
      <ChartCard title="Response rate" definition={definitions.responseRate} description={t.responseRate === null ? 'No threads' : `${formatPercent(t.responseRate)} of ${formatCount(t.threads)} threads`}
        data={messages} categoryKey="day" categoryLabel="Day" series={rateSeries} fileName={`response-rate${suffix}.csv`} empty={!anyThreads} emptyText="No customer started a thread in this range." testId="chart-response-rate">
        <TimeSeriesChart data={messages} series={rateSeries} format={formatPercent} axisFormat={formatPercentAxis} />
      </ChartCard>
      <ChartCard title="Median first response" definition={definitions.firstResponse} description={t.medianFirstResponseSeconds === null ? 'No answered threads' : `${formatDuration(t.medianFirstResponseSeconds)} over the range`}
        data={messages} categoryKey="day" categoryLabel="Day" series={responseSeries} fileName={`first-response${suffix}.csv`} empty={!anyAnswered} emptyText="The team answered no thread in this range." testId="chart-first-response">
        <TimeSeriesChart data={messages} series={responseSeries} format={formatDuration} />
      </ChartCard>
      <ChartCard title="Consent funnel" definition={definitions.consentFunnel} data={funnel} categoryKey="stage" categoryLabel="Stage" series={funnelSeries}
        fileName={`consent-funnel${suffix}.csv`} empty={totals.noticesSent + totals.consentAnswers === 0} emptyText="No consent notice went out in this range." testId="chart-consent-funnel">
        <CategoryBarChart data={funnel} categoryKey="stage" series={funnelSeries} format={formatCount} horizontal height={200} />
      </ChartCard>
      <ChartCard title="Consent and opt-out rates" definition={definitions.consentRates}
        description={totals.consentRate === null ? undefined : `${formatPercent(totals.consentRate)} consented · ${formatPercent(totals.optOutRate ?? 0)} opted out`}
        data={rates} categoryKey="day" categoryLabel="Day" series={consentSeries} fileName={`consent-rates${suffix}.csv`} empty={rates.every((r) => r.consentRate === null)} emptyText="No customers yet." testId="chart-consent-rates">
        <TimeSeriesChart data={rates} series={consentSeries} format={formatPercent} axisFormat={formatPercentAxis} />
      </ChartCard>
    </section>
  );
}
