import { Badge, type BadgeProps } from '@/components/ui/badge';
import type { TemplateStatus } from '@/lib/whatsapp/providers';

const variants: Record<TemplateStatus, BadgeProps['variant']> = {
  approved: 'success',
  pending: 'warning',
  rejected: 'destructive',
  draft: 'secondary',
  paused: 'secondary',
  disabled: 'secondary',
};

// The review status; a rejection shows Meta's reason under the badge.
export function TemplateStatusBadge({ status, rejectionReason }: { status: TemplateStatus; rejectionReason: string | null }) {
  return (
    <div className="grid justify-items-start gap-1">
      <Badge variant={variants[status]} className="capitalize" data-testid="template-status">
        {status === 'pending' ? 'In review' : status}
      </Badge>
      {status === 'rejected' && rejectionReason ? <span className="text-xs text-destructive">{rejectionReason.replaceAll('_', ' ').toLowerCase()}</span> : null}
    </div>
  );
}
