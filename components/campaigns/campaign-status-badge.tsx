import type { CampaignStatus } from '@/db/schema';
import { Badge, type BadgeProps } from '@/components/ui/badge';

const looks: Record<CampaignStatus, { label: string; variant: BadgeProps['variant'] }> = {
  draft: { label: 'Draft', variant: 'outline' },
  scheduled: { label: 'Scheduled', variant: 'secondary' },
  running: { label: 'Running', variant: 'default' },
  paused: { label: 'Paused', variant: 'warning' },
  completed: { label: 'Completed', variant: 'success' },
  cancelled: { label: 'Cancelled', variant: 'destructive' },
};

// An automated campaign that is running is "On": it sends whenever its trigger fires.
export function CampaignStatusBadge({ status, automated = false }: { status: CampaignStatus; automated?: boolean }) {
  const look = looks[status];
  return (
    <Badge variant={look.variant} data-testid="campaign-status">
      {automated && status === 'running' ? 'On' : look.label}
    </Badge>
  );
}
