import type { CampaignStats } from '@/lib/campaigns/stats';
import { progressPercent } from './campaign-format';

const number = (n: number) => n.toLocaleString('en-MY');

// How far the campaign has got: recipients no longer waiting (sent on, failed or skipped).
export function CampaignProgress({ stats, live }: { stats: CampaignStats; live: boolean }) {
  const percent = progressPercent(stats);
  const done = stats.total - stats.queued;
  return (
    <div className="grid gap-2">
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">
          Progress {live ? <span className="ml-1 inline-block size-2 animate-pulse rounded-full bg-primary align-middle" aria-hidden="true" /> : null}
        </span>
        <span className="text-muted-foreground tabular-nums" data-testid="campaign-progress-text">
          {number(done)} of {number(stats.total)} · {percent}%
        </span>
      </div>
      <div role="progressbar" aria-label="Campaign progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${percent}%, ${number(done)} of ${number(stats.total)}`} className="h-3 overflow-hidden rounded-full bg-muted" data-testid="campaign-progress">
        <div className="h-full rounded-full bg-primary transition-[width] duration-500" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
