'use client';

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type ChartRow, type ChartSeries, formatDay, tooltipStyle } from './chart-data';

// Values per Malaysian day (rows keyed by `day`), as bars and/or lines, with a legend; the
// tooltip shows `format`, the axis `axisFormat` (shorter) when given.
export function TimeSeriesChart({ data, series, format, axisFormat }: { data: readonly ChartRow[]; series: readonly ChartSeries[]; format: (n: number) => string; axisFormat?: (n: number) => string }) {
  return (
    <div className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={[...data]} margin={{ top: 4, right: 8, bottom: 4, left: 0 }} accessibilityLayer>
          <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
          <XAxis dataKey="day" tickFormatter={formatDay} className="text-xs" minTickGap={16} />
          <YAxis tickFormatter={(v: number) => (axisFormat ?? format)(v)} className="text-xs" width={72} />
          <Tooltip labelFormatter={(d) => formatDay(String(d))} formatter={(v) => (v === null || v === undefined ? '—' : format(Number(v)))} contentStyle={tooltipStyle} />
          <Legend />
          {series.map((s) =>
            s.kind === 'line' ? (
              <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} type="monotone" />
            ) : (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} stackId={s.stackId} isAnimationActive={false} />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
