'use client';

import { Pause, Pencil, Play, Rocket } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { campaignLifecycleAction, cancelCampaignAction } from '@/app/(app)/campaigns/actions';
import { ConfirmActionButton } from '@/components/settings/confirm-action-button';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/sonner';
import { Spinner } from '@/components/ui/spinner';
import type { CampaignView } from '@/lib/campaigns/campaigns';
import { runAction } from './run-action';

type Action = 'launch' | 'pause' | 'resume';

const done: Record<Action, string> = { launch: 'launched', pause: 'paused', resume: 'resumed' };

// What an owner or admin can do with the campaign in its current status.
export function CampaignLifecycleButtons({ campaign }: { campaign: CampaignView }) {
  const router = useRouter();
  const [busy, setBusy] = useState<Action | null>(null);
  const run = async (action: Action) => {
    setBusy(action);
    const answer = await runAction(campaignLifecycleAction, { id: campaign.id, action });
    setBusy(null);
    if (!answer.ok) {
      toast.error(answer.error);
      return;
    }
    toast.success(`“${campaign.name}” ${answer.data.status === 'scheduled' ? 'is scheduled' : done[action]}.`);
    router.refresh();
  };
  const button = (action: Action, label: string, icon: React.ReactNode, variant: 'default' | 'outline' = 'outline') => (
    <Button type="button" variant={variant} onClick={() => void run(action)} disabled={busy !== null} aria-busy={busy === action || undefined}>
      {busy === action ? <Spinner label={label} /> : icon}
      {label}
    </Button>
  );
  const { status } = campaign;
  const editable = status === 'draft' || status === 'scheduled';
  const stoppable = status === 'scheduled' || status === 'running' || status === 'paused';
  return (
    <div className="flex flex-wrap gap-2">
      {editable ? (
        <Button asChild variant="outline">
          <Link href={`/campaigns/${campaign.id}/edit`}>
            <Pencil aria-hidden="true" />
            Edit
          </Link>
        </Button>
      ) : null}
      {status === 'running' ? button('pause', 'Pause', <Pause aria-hidden="true" />) : null}
      {status === 'paused' ? button('resume', 'Resume', <Play aria-hidden="true" />, 'default') : null}
      {stoppable ? (
        <ConfirmActionButton
          action={cancelCampaignAction}
          fields={{ payload: JSON.stringify({ id: campaign.id }) }}
          label="Cancel campaign"
          title={`Cancel “${campaign.name}”?`}
          description="Nothing more is sent; customers still waiting are skipped. Messages already sent stay sent. This cannot be undone."
          confirmLabel="Cancel campaign"
          onSuccess={() => router.refresh()}
        />
      ) : null}
      {status === 'draft' ? button('launch', campaign.trigger ? 'Turn on' : campaign.scheduledAt ? 'Schedule' : 'Launch', <Rocket aria-hidden="true" />, 'default') : null}
    </div>
  );
}
