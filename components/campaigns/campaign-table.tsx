'use client';

import Link from 'next/link';
import type { CampaignView } from '@/lib/campaigns/campaigns';
import { CampaignStatusBadge } from './campaign-status-badge';
import { formatMalaysiaTime, formatShortMalaysiaTime, progressPercent, triggerSummary } from './campaign-format';
import { type PlainColumn, PlainTable } from '@/components/shell/plain-table';

type Column = PlainColumn<CampaignView>;

const number = (n: number) => n.toLocaleString('en-MY');
const dash = <span className="text-muted-foreground">—</span>;

function when(c: CampaignView) {
  if (c.trigger) return <span className="block max-w-56 whitespace-normal text-muted-foreground">{triggerSummary(c.trigger)}</span>;
  const at = c.launchedAt ?? c.scheduledAt;
  if (!at) return dash;
  return (
    <time dateTime={at} title={formatMalaysiaTime(at)}>
      <span className="text-muted-foreground">{c.launchedAt ? 'Launched ' : 'Starts '}</span>
      {formatShortMalaysiaTime(at)}
    </time>
  );
}

const columns: Column[] = [
  {
    id: 'name',
    header: 'Name',
    cell: ({ row: { original: c } }) => (
      <Link href={`/campaigns/${c.id}`} className="block max-w-64 font-medium whitespace-normal underline-offset-4 hover:underline">
        {c.name}
      </Link>
    ),
  },
  { id: 'type', header: 'Type', cell: ({ row: { original: c } }) => <span className="capitalize">{c.trigger ? `${c.type}, automated` : c.type}</span> },
  { id: 'status', header: 'Status', cell: ({ row: { original: c } }) => <CampaignStatusBadge status={c.status} automated={c.trigger !== null} /> },
  { id: 'audience', header: 'Audience', cell: ({ row: { original: c } }) => <span className="tabular-nums">{c.stats.total > 0 ? number(c.stats.total) : dash}</span> },
  {
    id: 'progress',
    header: 'Progress',
    cell: ({ row: { original: c } }) => (c.stats.total > 0 && !c.trigger ? <span className="tabular-nums">{progressPercent(c.stats)}%</span> : dash),
  },
  {
    id: 'funnel',
    header: () => <span title="Sent / delivered / read">Sent / deliv. / read</span>,
    cell: ({ row: { original: c } }) => (
      <span className="tabular-nums">
        {number(c.stats.sent)} / {number(c.stats.delivered)} / {number(c.stats.read)}
      </span>
    ),
  },
  { id: 'when', header: 'When', cell: ({ row: { original: c } }) => when(c) },
];

export function CampaignTable({ campaigns }: { campaigns: CampaignView[] }) {
  return <PlainTable columns={columns} data={campaigns} testId="campaign-table" rowTestId="campaign-row" />;
}
