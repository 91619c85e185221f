import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { CustomerDetail } from '@/lib/customers/detail';
import { formatDateTime } from '@/lib/inbox/format';

// "4 min", "2 h 5 min", "3 d 4 h".
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-md border p-3">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
      {note ? <dd className="text-xs text-muted-foreground">{note}</dd> : null}
    </div>
  );
}

export function CustomerStats({ customer, stats }: { customer: CustomerDetail['customer']; stats: CustomerDetail['stats'] }) {
  const answered = stats.customerTurns === 0 ? '—' : `${stats.answeredTurns} of ${stats.customerTurns}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle role="heading" aria-level={2}>
          Statistics
        </CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-2 gap-3">
          <Stat label="Messages from the customer" value={customer.inboundCount.toLocaleString('en')} />
          <Stat label="Messages from you" value={customer.outboundCount.toLocaleString('en')} />
          <Stat label="Questions answered by the team" value={answered} note="Times the customer wrote and a person replied" />
          <Stat label="Typical reply time" value={stats.medianReplySeconds === null ? '—' : formatDuration(stats.medianReplySeconds)} note="Median, team replies only" />
          <Stat label="First contact" value={stats.firstContactAt ? formatDateTime(stats.firstContactAt) : '—'} />
          <Stat label="Last message from them" value={stats.lastInboundAt ? formatDateTime(stats.lastInboundAt) : '—'} />
        </dl>
      </CardContent>
    </Card>
  );
}
