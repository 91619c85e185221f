'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { signupAction } from '@/app/(auth)/actions';
import { FormError, FormField, SubmitButton } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PASSWORD_RULES } from '@/lib/auth/password-rules';

export function SignupForm() {
  const [state, action] = useActionState(signupAction, null);
  const failed = state?.ok === false ? state : null;
  const fieldError = (name: string) => failed?.fieldErrors[name];
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormError message={failed && Object.keys(failed.fieldErrors).length === 0 ? failed.error : null} />
      <FormField label="Business name" htmlFor="businessName" error={fieldError('businessName')}>
        <Input id="businessName" name="businessName" autoComplete="organization" required autoFocus defaultValue={failed?.values.businessName} />
      </FormField>
      <FormField label="Your name" htmlFor="name" error={fieldError('name')}>
        <Input id="name" name="name" autoComplete="name" required defaultValue={failed?.values.name} />
      </FormField>
      <FormField label="Work email" htmlFor="email" error={fieldError('email')}>
        <Input id="email" name="email" type="email" autoComplete="email" required defaultValue={failed?.values.email} />
      </FormField>
      <FormField label="Password" htmlFor="password" error={fieldError('password')} hint={PASSWORD_RULES}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} />
      </FormField>
      <SubmitButton className="w-full" pendingText="Creating your account…">
        Create account
      </SubmitButton>
      <p className="text-center text-sm text-muted-foreground">
        Already have an account?{' '}
        <Link href="/login" className="font-medium text-foreground underline underline-offset-4">
          Log in
        </Link>
      </p>
    </form>
  );
}
