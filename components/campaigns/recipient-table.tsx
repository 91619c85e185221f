'use client';

import Link from 'next/link';
import { Badge, type BadgeProps } from '@/components/ui/badge';
import type { RecipientStatus } from '@/db/schema';
import type { RecipientJson } from '@/lib/campaigns/recipients';
import { formatMalaysiaTime, formatShortMalaysiaTime } from './campaign-format';
import { reasonLabel, recipientStatusLabels } from './recipient-labels';
import { type PlainColumn, PlainTable } from '@/components/shell/plain-table';

type Column = PlainColumn<RecipientJson>;

const variants: Record<RecipientStatus, BadgeProps['variant']> = { queued: 'outline', sending: 'outline', sent: 'secondary', delivered: 'secondary', read: 'success', failed: 'destructive', skipped: 'warning' };
const dash = <span className="text-muted-foreground">—</span>;
const time = (iso: string | null) =>
  iso ? (
    <time dateTime={iso} title={formatMalaysiaTime(iso)}>
      {formatShortMalaysiaTime(iso)}
    </time>
  ) : (
    dash
  );

const columns: Column[] = [
  {
    id: 'customer',
    header: 'Customer',
    cell: ({ row: { original: r } }) => (
      <Link href={`/customers/${r.customerId}`} className="font-medium underline-offset-4 hover:underline">
        {r.customerName}
      </Link>
    ),
  },
  { id: 'phone', header: 'Phone', cell: ({ row: { original: r } }) => <span className="tabular-nums">{r.phone ?? dash}</span> },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row: { original: r } }) => (
      <Badge variant={variants[r.status]} data-testid="recipient-status">
        {recipientStatusLabels[r.status]}
      </Badge>
    ),
  },
  {
    id: 'reason',
    header: 'Reason',
    cell: ({ row: { original: r } }) =>
      r.reason || r.errorCode ? (
        <span className="block max-w-64 text-sm whitespace-normal" title={r.errorTitle ?? undefined}>
          {r.reason ? reasonLabel(r.reason) : null}
          {r.errorCode ? <span className="text-muted-foreground"> ({r.errorCode}{r.errorTitle ? `: ${r.errorTitle}` : ''})</span> : null}
        </span>
      ) : (
        dash
      ),
  },
  { id: 'sent', header: 'Sent', cell: ({ row: { original: r } }) => time(r.sentAt) },
  { id: 'read', header: 'Read', cell: ({ row: { original: r } }) => time(r.readAt) },
  {
    id: 'outcome',
    header: 'Clicked / bought',
    cell: ({ row: { original: r } }) => (r.clickedAt || r.convertedAt ? <span className="text-sm">{[r.clickedAt ? 'Clicked' : null, r.convertedAt ? 'Bought' : null].filter(Boolean).join(', ')}</span> : dash),
  },
];

export function RecipientTable({ recipients }: { recipients: RecipientJson[] }) {
  return <PlainTable columns={columns} data={recipients} testId="recipient-table" rowTestId="recipient-row" />;
}
