'use client';

import { CHART_COLORS, formatCount } from '@/components/charts/chart-data';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';

const series = [{ key: 'entries', name: 'Entries', color: CHART_COLORS[0] }] as const;

// Valid entries per Malaysian day, every day of the contest so far shown (empty days as 0).
export function EntriesPerDayChart({ days }: { days: { day: string; entries: number }[] }) {
  return (
    <div data-testid="entries-per-day-chart">
      <TimeSeriesChart data={days} series={series} format={formatCount} />
    </div>
  );
}
