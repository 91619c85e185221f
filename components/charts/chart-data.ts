// Rows and series shared by the charts and their CSV downloads, so both show the same numbers.
export type ChartValue = string | number | null;
export type ChartRow = Record<string, ChartValue>;

export interface ChartSeries {
  key: string;
  name: string;
  color: string;
  // Bars (default) or a line, in time-series charts.
  kind?: 'bar' | 'line';
  // Series stacked together share a stack id.
  stackId?: string;
  // How the CSV writes the value (e.g. a fraction as it is, money with two places).
  csv?: (value: ChartValue) => ChartValue;
}

export const CHART_COLORS = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)'] as const;

export const tooltipStyle = { background: 'var(--popover)', borderColor: 'var(--border)', color: 'var(--popover-foreground)' };

export const formatCount = (n: number) => n.toLocaleString('en-MY');
export const formatPercent = (n: number) => `${(n * 100).toFixed(1)}%`;
// Axis ticks stay short: "RM 1.5K", "25%".
const compact = new Intl.NumberFormat('en-MY', { notation: 'compact', maximumFractionDigits: 1 });
export const formatMoneyAxis = (n: number) => `RM ${compact.format(n)}`;
export const formatPercentAxis = (n: number) => `${Math.round(n * 100)}%`;
export const formatMoney = (n: number) => `RM ${n.toLocaleString('en-MY', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

// Seconds as "45 s", "12 min", "3 h".
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${Math.round((seconds / 3600) * 10) / 10} h`;
}

// "2026-03-01" → "1 Mar".
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-MY', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}
