import type { Campaign } from '@/db/schema';
import type { JobEvent } from '@/lib/jobs/events';

// The campaign's start: at scheduledAt for a scheduled one, else now. Keyed by the start time,
// so a rescheduled campaign's old job finds it not due and does nothing.
export function launchJob(campaign: Pick<Campaign, 'tenantId' | 'id' | 'status' | 'scheduledAt'>, origin: string | undefined, now: Date): JobEvent<'campaigns/launch'> {
  const runAt = campaign.status === 'scheduled' && campaign.scheduledAt ? campaign.scheduledAt : now;
  return {
    name: 'campaigns/launch',
    data: { tenantId: campaign.tenantId, campaignId: campaign.id, ...(origin ? { origin } : {}) },
    runAt,
    dedupeKey: `campaign.launch:${campaign.id}:${campaign.status}:${runAt.getTime()}`,
  };
}
