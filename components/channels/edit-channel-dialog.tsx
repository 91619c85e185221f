'use client';

import { useActionState, useEffect, useState } from 'react';
import { updateChannelAction } from '@/app/(app)/settings/whatsapp/actions';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormError, SubmitButton } from '@/components/ui/form-field';
import { toast } from '@/components/ui/sonner';
import type { PublicChannel } from '@/lib/channels/channels';
import { CloudFields, NameField, WabotFields, hasShownFieldError } from './channel-fields';

export function EditChannelDialog({ channel, defaultApiBaseUrl }: { channel: PublicChannel; defaultApiBaseUrl: string }) {
  const [state, action] = useActionState(updateChannelAction, null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!state?.ok) return;
    setOpen(false);
    toast.success(`“${state.data.name}” saved.`);
  }, [state]);
  const failed = state?.ok === false ? state : null;
  const form = {
    idPrefix: `edit-${channel.id}`,
    failed,
    editing: true,
    current: { name: channel.name, phoneNumberId: channel.phoneNumberId, wabaId: channel.wabaId, apiBaseUrl: channel.apiBaseUrl, sendRatePerSecond: channel.sendRatePerSecond, messagingLimit: channel.messagingLimit },
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Edit ${channel.name}`}>
          Edit
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Edit “{channel.name}”</DialogTitle>
          <DialogDescription>Tokens and secrets are never shown again: leave them empty to keep the ones stored.</DialogDescription>
        </DialogHeader>
        <form action={action} className="grid items-start gap-4 md:grid-cols-2" noValidate>
          <input type="hidden" name="id" value={channel.id} />
          <NameField form={form} placeholder={channel.name} />
          {channel.type === 'cloud' ? <CloudFields form={form} defaultApiBaseUrl={defaultApiBaseUrl} /> : null}
          {channel.type === 'wabot' ? <WabotFields form={form} /> : null}
          <FormError className="md:col-span-2" message={failed && !hasShownFieldError(failed) ? failed.error : null} />
          <div className="md:col-span-2">
            <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
