'use client';

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface FunnelStep {
  label: string;
  value: number;
}

const number = (n: number) => n.toLocaleString('en-MY');

// Queued → sent → delivered → read → clicked → converted, as bars that shrink step by step,
// each labelled with its count and its share of the first step.
export function CampaignFunnelChart({ steps }: { steps: FunnelStep[] }) {
  const first = steps[0]?.value ?? 0;
  const data = steps.map((s) => ({ ...s, share: first > 0 ? `${number(s.value)} · ${Math.round((s.value / first) * 100)}%` : number(s.value) }));
  return (
    <figure className="grid gap-2" data-testid="campaign-funnel">
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 96, bottom: 4, left: 8 }} accessibilityLayer>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" className="stroke-border" />
            <XAxis type="number" allowDecimals={false} tickFormatter={number} className="text-xs" />
            <YAxis type="category" dataKey="label" width={92} className="text-xs" />
            <Tooltip formatter={(value) => number(Number(value))} cursor={{ fill: 'var(--muted)' }} contentStyle={{ background: 'var(--popover)', borderColor: 'var(--border)', color: 'var(--popover-foreground)' }} />
            <Bar dataKey="value" name="Customers" fill="var(--primary)" radius={[0, 4, 4, 0]} isAnimationActive={false}>
              <LabelList dataKey="share" position="right" className="fill-foreground text-xs" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* The same numbers as text, for screen readers and copying. */}
      <figcaption className="sr-only">
        {data.map((s) => `${s.label}: ${s.share}`).join('; ')}
      </figcaption>
    </figure>
  );
}
