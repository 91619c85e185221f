'use client';

import { CampaignFunnelChart } from '@/components/charts/campaign-funnel-chart';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { CampaignView } from '@/lib/campaigns/campaigns';
import { CampaignLifecycleButtons } from './campaign-lifecycle-buttons';
import { CampaignProgress } from './campaign-progress';
import { CampaignStatusBadge } from './campaign-status-badge';
import { formatMalaysiaTime, triggerSummary } from './campaign-format';
import { reasonLabel } from './recipient-labels';
import { useCampaignLive } from './use-campaign-live';

const number = (n: number) => n.toLocaleString('en-MY');
const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—');

function timeline(c: CampaignView): string {
  if (c.trigger) return `${triggerSummary(c.trigger)}${c.endsAt ? `, until ${formatMalaysiaTime(c.endsAt)}` : ''}`;
  const parts = [
    c.scheduledAt && !c.launchedAt ? `Starts ${formatMalaysiaTime(c.scheduledAt)}` : null,
    c.launchedAt ? `Launched ${formatMalaysiaTime(c.launchedAt)}` : null,
    c.completedAt ? `completed ${formatMalaysiaTime(c.completedAt)}` : null,
    c.cancelledAt ? `cancelled ${formatMalaysiaTime(c.cancelledAt)}` : null,
    c.endsAt ? `stops sending after ${formatMalaysiaTime(c.endsAt)}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'Not launched yet';
}

function Stat({ label, value, note }: { label: string; value: number; note?: string }) {
  return (
    <div className="grid gap-0.5 rounded-lg border p-3" data-testid={`campaign-stat-${label.toLowerCase()}`}>
      <span className="text-sm text-muted-foreground">{label}</span>
      <span className="text-2xl font-semibold tabular-nums">{number(value)}</span>
      {note ? <span className="text-xs text-muted-foreground">{note}</span> : null}
    </div>
  );
}

// The top of a campaign's page: status and actions, live progress, numbers and the funnel.
export function CampaignOverview({ campaign: c, reasons, canEdit }: { campaign: CampaignView; reasons: Record<string, number>; canEdit: boolean }) {
  useCampaignLive(c);
  const { stats } = c;
  const live = c.status === 'running';
  const funnel = [
    { label: 'Queued', value: stats.total },
    { label: 'Sent', value: stats.sent },
    { label: 'Delivered', value: stats.delivered },
    { label: 'Read', value: stats.read },
    { label: 'Clicked', value: stats.clicked },
    { label: 'Converted', value: stats.converted },
  ];
  const reasonList = Object.entries(reasons).sort((a, b) => b[1] - a[1]);
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader className="flex flex-wrap items-start justify-between gap-4">
          <div className="grid gap-1.5">
            <div className="flex flex-wrap items-center gap-2">
              <CampaignStatusBadge status={c.status} automated={c.trigger !== null} />
              <span className="text-sm capitalize text-muted-foreground">
                {c.type}
                {c.channelName ? ` · from ${c.channelName}` : ''}
              </span>
            </div>
            <CardDescription>{timeline(c)}</CardDescription>
            {c.objective ? <p className="text-sm">{c.objective}</p> : null}
          </div>
          {canEdit ? <CampaignLifecycleButtons campaign={c} /> : null}
        </CardHeader>
        {stats.total > 0 ? (
          <CardContent>
            <CampaignProgress stats={stats} live={live} />
          </CardContent>
        ) : null}
      </Card>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
        <Stat label="Recipients" value={stats.total} />
        <Stat label="Waiting" value={stats.queued} />
        <Stat label="Sent" value={stats.sent} note={percent(stats.sent, stats.total)} />
        <Stat label="Delivered" value={stats.delivered} note={percent(stats.delivered, stats.sent)} />
        <Stat label="Read" value={stats.read} note={percent(stats.read, stats.delivered)} />
        <Stat label="Clicked" value={stats.clicked} note={percent(stats.clicked, stats.delivered)} />
        <Stat label="Converted" value={stats.converted} note={`within ${c.attributionDays} days`} />
        <Stat label="Not sent" value={stats.failed + stats.skipped} note={`${number(stats.failed)} failed · ${number(stats.skipped)} skipped`} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle>Funnel</CardTitle>
            <CardDescription>Each step counts customers who got at least that far; shares are of all queued.</CardDescription>
          </CardHeader>
          <CardContent>
            {stats.total > 0 ? <CampaignFunnelChart steps={funnel} /> : <p className="text-sm text-muted-foreground">No recipients yet: they are chosen when the campaign starts.</p>}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Why some were not sent</CardTitle>
            <CardDescription>Consent is checked again just before each send.</CardDescription>
          </CardHeader>
          <CardContent>
            {reasonList.length === 0 ? (
              <p className="text-sm text-muted-foreground">Nobody skipped or failed so far.</p>
            ) : (
              <ul className="grid gap-1 text-sm" aria-label="Why some were not sent">
                {reasonList.map(([reason, n]) => (
                  <li key={reason} className="flex justify-between gap-2">
                    <span>{reasonLabel(reason)}</span>
                    <span className="tabular-nums">{number(n)}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
