'use client';

import { useActionState } from 'react';
import { testChannelAction } from '@/app/(app)/settings/whatsapp/actions';
import { SubmitButton } from '@/components/ui/form-field';

// Asks WhatsApp about the number and says what it answered, or why it failed. The form is
// `contents` so the button sits in the row's actions and the answer takes a line below them.
export function TestConnectionButton({ channelId, channelName }: { channelId: string; channelName: string }) {
  const [state, action] = useActionState(testChannelAction, null);
  return (
    <form action={action} className="contents">
      <input type="hidden" name="id" value={channelId} />
      <SubmitButton variant="outline" size="sm" pendingText="Testing…" aria-label={`Test connection of ${channelName}`}>
        Test connection
      </SubmitButton>
      {state?.ok ? (
        <p role="status" className="order-last basis-full text-right text-xs text-success">
          Connected: {state.data.verifiedName ?? 'no verified name yet'} · quality {state.data.qualityRating ?? 'unknown'}
        </p>
      ) : null}
      {state?.ok === false ? (
        <p role="alert" className="order-last basis-full text-right text-xs text-destructive">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
