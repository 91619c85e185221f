import { Award } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import type { Tier } from '@/db/schema';
import { tierLabels } from '@/lib/purchases/tier-labels';
import { cn } from '@/lib/utils';

// Metal colours that read in light and dark themes.
const tierClasses: Record<Tier, string> = {
  bronze: 'border-amber-700/30 bg-amber-700/10 text-amber-800 dark:text-amber-400',
  silver: 'border-slate-400/40 bg-slate-400/15 text-slate-700 dark:text-slate-300',
  gold: 'border-yellow-500/40 bg-yellow-400/15 text-yellow-800 dark:text-yellow-300',
  platinum: 'border-cyan-600/30 bg-cyan-500/10 text-cyan-800 dark:text-cyan-300',
};

export function TierBadge({ tier, className }: { tier: Tier; className?: string }) {
  return (
    <Badge variant="outline" className={cn(tierClasses[tier], className)} title={`Loyalty tier: ${tierLabels.en[tier]}`} data-testid="tier-badge">
      <Award aria-hidden="true" />
      {tierLabels.en[tier]}
    </Badge>
  );
}
