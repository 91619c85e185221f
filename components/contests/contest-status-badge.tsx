import { Badge, type BadgeProps } from '@/components/ui/badge';
import type { ContestStatus } from '@/lib/contests/contests';

const looks: Record<ContestStatus, { label: string; variant: BadgeProps['variant'] }> = {
  upcoming: { label: 'Upcoming', variant: 'secondary' },
  running: { label: 'Running', variant: 'default' },
  ended: { label: 'Ended', variant: 'warning' },
  drawn: { label: 'Drawn', variant: 'success' },
};

export function ContestStatusBadge({ status }: { status: ContestStatus }) {
  const look = looks[status];
  return (
    <Badge variant={look.variant} data-testid="contest-status">
      {look.label}
    </Badge>
  );
}
