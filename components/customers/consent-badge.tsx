import { Badge } from '@/components/ui/badge';
import type { ConsentStatus } from '@/db/schema';
import { consentLabels, consentVariants } from './customer-labels';

// Marketing consent at a glance: granted (green), asked and waiting, withdrawn (red), not asked.
export function ConsentBadge({ status }: { status: ConsentStatus }) {
  return (
    <Badge variant={consentVariants[status]} title={`Marketing consent: ${consentLabels[status].toLowerCase()}`}>
      {consentLabels[status]}
    </Badge>
  );
}
