'use client';

import { useActionState } from 'react';
import { acceptInvitationAction, joinInvitationAction } from '@/app/(auth)/actions';
import { FormError, FormField, SubmitButton } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PASSWORD_RULES } from '@/lib/auth/password-rules';

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(acceptInvitationAction, null);
  const failed = state?.ok === false ? state : null;
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormError message={failed && Object.keys(failed.fieldErrors).length === 0 ? failed.error : null} />
      <input type="hidden" name="token" value={token} />
      <FormField label="Email" htmlFor="email">
        <Input id="email" value={email} readOnly disabled />
      </FormField>
      <FormField label="Your name" htmlFor="name" error={failed?.fieldErrors.name}>
        <Input id="name" name="name" autoComplete="name" required autoFocus defaultValue={failed?.values.name} />
      </FormField>
      <FormField label="Choose a password" htmlFor="password" error={failed?.fieldErrors.password} hint={PASSWORD_RULES}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} />
      </FormField>
      <SubmitButton className="w-full" pendingText="Joining…">
        Join the team
      </SubmitButton>
    </form>
  );
}

export function JoinInvitationForm({ token }: { token: string }) {
  const [state, action] = useActionState(joinInvitationAction, null);
  return (
    <form action={action} className="grid gap-4">
      <FormError message={state?.ok === false ? state.error : null} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="w-full" pendingText="Joining…">
        Accept invitation
      </SubmitButton>
    </form>
  );
}
