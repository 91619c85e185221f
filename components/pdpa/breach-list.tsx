import { Badge } from '@/components/ui/badge';
import type { BreachIncident } from '@/db/schema';
import { breachDataKindLabels } from '@/lib/pdpa/breach-kinds';
import { BreachActions } from './breach-actions';
import { DueClock, dateTimeFormat } from './due-clock';

const statusBadge = { open: 'warning', notified: 'default', closed: 'secondary' } as const;
const kindLabel = (kind: string) => breachDataKindLabels[kind as keyof typeof breachDataKindLabels] ?? kind;

// The register: each incident with its 72-hour clock until the Commissioner is told.
export function BreachList({ breaches, now, nowLocal }: { breaches: BreachIncident[]; now: Date; nowLocal: string }) {
  return (
    <ul className="grid gap-4">
      {breaches.map((b) => (
        <li key={b.id} className="grid gap-3 rounded-lg border p-4" data-testid="breach">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-medium">{b.title}</h3>
            <Badge variant={statusBadge[b.status]} className="capitalize" data-testid="breach-status">
              {b.status}
            </Badge>
            {b.status !== 'closed' && !b.commissionerNotifiedAt ? <DueClock due={b.notifyBy} now={now} label={{ before: 'Notify the Commissioner within', after: 'Notification overdue by' }} /> : null}
          </div>
          <p className="text-sm whitespace-pre-wrap">{b.description}</p>
          <div className="flex flex-wrap gap-1">
            {b.dataKinds.map((k) => (
              <Badge key={k} variant="outline">
                {kindLabel(k)}
              </Badge>
            ))}
          </div>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-muted-foreground">Discovered</dt>
            <dd>{dateTimeFormat.format(b.discoveredAt)}</dd>
            <dt className="text-muted-foreground">Notify by</dt>
            <dd data-testid="breach-notify-by">{dateTimeFormat.format(b.notifyBy)}</dd>
            <dt className="text-muted-foreground">People affected</dt>
            <dd>{b.affectedCount ?? 'Not known yet'}</dd>
            <dt className="text-muted-foreground">Commissioner notified</dt>
            <dd>{b.commissionerNotifiedAt ? dateTimeFormat.format(b.commissionerNotifiedAt) : 'Not yet'}</dd>
            <dt className="text-muted-foreground">People notified</dt>
            <dd>{b.subjectsNotifiedAt ? dateTimeFormat.format(b.subjectsNotifiedAt) : 'Not yet'}</dd>
          </dl>
          {b.status !== 'closed' ? (
            <BreachActions id={b.id} title={b.title} commissionerNotified={b.commissionerNotifiedAt !== null} subjectsNotified={b.subjectsNotifiedAt !== null} nowLocal={nowLocal} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
