'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type ChartRow, type ChartSeries, tooltipStyle } from './chart-data';

// Bars per category (a state, an age band, a funnel stage), one bar per series side by side;
// horizontal when the labels are long.
export function CategoryBarChart({
  data,
  categoryKey,
  series,
  format,
  axisFormat,
  horizontal = false,
  height = 256,
}: {
  data: readonly ChartRow[];
  categoryKey: string;
  series: readonly ChartSeries[];
  format: (n: number) => string;
  axisFormat?: (n: number) => string;
  horizontal?: boolean;
  height?: number;
}) {
  return (
    <div className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...data]} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 4, right: 8, bottom: 4, left: 0 }} accessibilityLayer>
          <CartesianGrid vertical={horizontal} horizontal={!horizontal} strokeDasharray="3 3" className="stroke-border" />
          {horizontal ? (
            <>
              <XAxis type="number" tickFormatter={(v: number) => (axisFormat ?? format)(v)} className="text-xs" />
              <YAxis type="category" dataKey={categoryKey} width={120} className="text-xs" interval={0} />
            </>
          ) : (
            <>
              <XAxis dataKey={categoryKey} className="text-xs" interval={0} tick={{ fontSize: 11 }} />
              <YAxis tickFormatter={(v: number) => (axisFormat ?? format)(v)} className="text-xs" width={72} />
            </>
          )}
          <Tooltip formatter={(v) => (v === null || v === undefined ? '—' : format(Number(v)))} cursor={{ fill: 'var(--muted)' }} contentStyle={tooltipStyle} />
          <Legend />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} stackId={s.stackId} radius={horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
