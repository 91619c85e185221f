import { Badge } from '@/components/ui/badge';
import { describeClock } from '@/lib/pdpa/clock';

const THREE_DAYS_MS = 3 * 24 * 3_600_000;

// A deadline as words: "Due in 5 days", amber in its last three days, red once overdue.
export function DueClock({ due, now, label }: { due: Date; now: Date; label: { before: string; after: string } }) {
  const clock = describeClock(due, now);
  const soon = !clock.overdue && due.getTime() - now.getTime() < THREE_DAYS_MS;
  return (
    <Badge variant={clock.overdue ? 'destructive' : soon ? 'warning' : 'outline'} data-overdue={clock.overdue} data-testid="due-clock">
      {clock.overdue ? `${label.after} ${clock.amount}` : `${label.before} ${clock.amount}`}
    </Badge>
  );
}

export const dateTimeFormat = new Intl.DateTimeFormat('en-MY', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kuala_Lumpur' });
export const dateFormat = new Intl.DateTimeFormat('en-MY', { dateStyle: 'medium', timeZone: 'Asia/Kuala_Lumpur' });
