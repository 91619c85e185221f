'use client';

import { useActionState } from 'react';
import { syncTemplatesAction } from '@/app/(app)/settings/templates/actions';
import { SubmitButton } from '@/components/ui/form-field';

// Pulls the channel's templates and Meta's verdicts, and says what changed.
export function SyncTemplatesButton({ channelId, channelName }: { channelId: string; channelName: string }) {
  const [state, action] = useActionState(syncTemplatesAction, null);
  return (
    <form action={action} className="grid justify-items-start gap-1">
      <input type="hidden" name="channelId" value={channelId} />
      <SubmitButton variant="outline" size="sm" pendingText="Syncing…" aria-label={`Sync templates of ${channelName} from Meta`}>
        Sync from Meta
      </SubmitButton>
      {state?.ok ? (
        <p role="status" className="text-xs text-success">
          Synced: {state.data.created} new, {state.data.updated} updated{state.data.skipped ? `, ${state.data.skipped} skipped (a language or category Sembang does not offer)` : ''}.
        </p>
      ) : null}
      {state?.ok === false ? (
        <p role="alert" className="max-w-sm text-xs text-destructive">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
