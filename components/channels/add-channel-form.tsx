'use client';

import { useActionState } from 'react';
import { createCloudChannelAction, createWabotChannelAction } from '@/app/(app)/settings/whatsapp/actions';
import { FormError, SubmitButton } from '@/components/ui/form-field';
import { CloudFields, NameField, WabotFields, hasShownFieldError } from './channel-fields';

export function AddChannelForm({ type, defaultApiBaseUrl }: { type: 'cloud' | 'wabot'; defaultApiBaseUrl: string }) {
  const [state, action] = useActionState(type === 'cloud' ? createCloudChannelAction : createWabotChannelAction, null);
  const failed = state?.ok === false ? state : null;
  const form = { idPrefix: `new-${type}`, failed };
  return (
    <form action={action} className="grid items-start gap-4 md:grid-cols-2" noValidate aria-label={type === 'cloud' ? 'Add Cloud API channel' : 'Add wabot gateway'}>
      <input type="hidden" name="type" value={type} />
      <NameField form={form} placeholder={type === 'cloud' ? 'Main number' : 'wabot gateway'} />
      {type === 'cloud' ? <CloudFields form={form} defaultApiBaseUrl={defaultApiBaseUrl} /> : <WabotFields form={form} />}
      <FormError className="md:col-span-2" message={failed && !hasShownFieldError(failed) ? failed.error : null} />
      {state?.ok ? (
        <p role="status" className="text-sm text-success md:col-span-2">
          “{state.data.name}” is connected. {type === 'cloud' ? 'Press “Test connection” in the list to check it with Meta.' : null}
        </p>
      ) : null}
      <div className="md:col-span-2">
        <SubmitButton pendingText="Adding…">{type === 'cloud' ? 'Add Cloud API channel' : 'Add wabot gateway'}</SubmitButton>
      </div>
    </form>
  );
}
