'use client';

import { useActionState } from 'react';
import { createBusinessAction } from '@/app/(auth)/actions';
import { FormError, FormField, SubmitButton } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';

export function CreateBusinessForm() {
  const [state, action] = useActionState(createBusinessAction, null);
  const failed = state?.ok === false ? state : null;
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormError message={failed && !failed.fieldErrors.businessName ? failed.error : null} />
      <FormField label="Business name" htmlFor="businessName" error={failed?.fieldErrors.businessName}>
        <Input id="businessName" name="businessName" autoComplete="organization" required autoFocus defaultValue={failed?.values.businessName} />
      </FormField>
      <SubmitButton className="w-full" pendingText="Creating…">
        Create business
      </SubmitButton>
    </form>
  );
}
