'use client';

import { useActionState } from 'react';
import { inviteMemberAction } from '@/app/(app)/settings/team/actions';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { FormError, FormField, SubmitButton } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { CopyField } from './copy-field';

export function InviteMemberForm({ canInviteOwner }: { canInviteOwner: boolean }) {
  const [state, action] = useActionState(inviteMemberAction, null);
  const failed = state?.ok === false ? state : null;
  const link = state?.ok ? `${window.location.origin}${state.data.path}` : null;
  return (
    <div className="grid gap-4">
      <form action={action} className="grid gap-4 sm:grid-cols-[1fr_10rem_auto] sm:items-start" noValidate>
        <FormField label="Email" htmlFor="invite-email" error={failed?.fieldErrors.email}>
          <Input id="invite-email" name="email" type="email" required placeholder="colleague@example.com" defaultValue={failed?.values.email} />
        </FormField>
        <FormField label="Role" htmlFor="invite-role" error={failed?.fieldErrors.role}>
          <NativeSelect id="invite-role" name="role" defaultValue={failed?.values.role ?? 'agent'}>
            <NativeSelectOption value="agent">Agent</NativeSelectOption>
            <NativeSelectOption value="admin">Admin</NativeSelectOption>
            {canInviteOwner ? <NativeSelectOption value="owner">Owner</NativeSelectOption> : null}
          </NativeSelect>
        </FormField>
        <SubmitButton className="sm:mt-[1.375rem]" pendingText="Inviting…">
          Create invitation
        </SubmitButton>
      </form>
      <FormError message={failed && Object.keys(failed.fieldErrors).length === 0 ? failed.error : null} />
      {state?.ok && link ? (
        <Alert>
          <AlertTitle>Invitation link for {state.data.email}</AlertTitle>
          <AlertDescription className="grid w-full justify-items-stretch gap-2">
            <p>There is no email from Sembang: send this link to your colleague yourself. It works once and expires in 7 days.</p>
            <CopyField value={link} label="invitation link" />
          </AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
