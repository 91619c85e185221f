'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { loginAction } from '@/app/(auth)/actions';
import { FormError, FormField, SubmitButton } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState(loginAction, null);
  const failed = state?.ok === false ? state : null;
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormError message={failed?.error} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ''} />
      <FormField label="Email" htmlFor="email" error={failed?.fieldErrors.email}>
        <Input id="email" name="email" type="email" autoComplete="email" required autoFocus defaultValue={failed?.values.email} />
      </FormField>
      <FormField label="Password" htmlFor="password" error={failed?.fieldErrors.password}>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </FormField>
      <SubmitButton className="w-full" pendingText="Logging in…">
        Log in
      </SubmitButton>
      <p className="text-center text-sm text-muted-foreground">
        New to Sembang?{' '}
        <Link href="/signup" className="font-medium text-foreground underline underline-offset-4">
          Create an account
        </Link>
      </p>
    </form>
  );
}
