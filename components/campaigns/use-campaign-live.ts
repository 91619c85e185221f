'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { CampaignView } from '@/lib/campaigns/campaigns';

const POLL_MS = 2_000;

// While a campaign is sending, renders its page again on the server every 2 s: the numbers,
// the funnel and the recipient table move together. A refresh that is still on its way is not
// asked for twice; nothing is polled once the campaign is done or paused.
export function useCampaignLive(campaign: CampaignView): void {
  const router = useRouter();
  const live = campaign.status === 'running' && (campaign.trigger === null || campaign.stats.queued > 0);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [live, router]);
}
