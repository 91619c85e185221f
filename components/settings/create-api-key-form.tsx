'use client';

import { useActionState } from 'react';
import { createApiKeyAction } from '@/app/(app)/settings/api-keys/actions';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { FormError, FormField, SubmitButton } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { CopyField } from './copy-field';

export function CreateApiKeyForm() {
  const [state, action] = useActionState(createApiKeyAction, null);
  const failed = state?.ok === false ? state : null;
  return (
    <div className="grid gap-4">
      <form action={action} className="grid gap-4 sm:grid-cols-[1fr_auto] sm:items-start" noValidate>
        <FormField label="Key name" htmlFor="api-key-name" error={failed?.fieldErrors.name} hint="Where the key is used, e.g. “POS integration”.">
          <Input id="api-key-name" name="name" required maxLength={80} defaultValue={failed?.values.name} />
        </FormField>
        <SubmitButton className="sm:mt-[1.375rem]" pendingText="Creating…">
          Create API key
        </SubmitButton>
      </form>
      <FormError message={failed && !failed.fieldErrors.name ? failed.error : null} />
      {state?.ok ? (
        <Alert>
          <AlertTitle>API key “{state.data.name}” created</AlertTitle>
          <AlertDescription className="grid w-full justify-items-stretch gap-2">
            <p>Copy it now: it is shown only this once. Send it as <code>Authorization: Bearer &lt;key&gt;</code>.</p>
            <CopyField value={state.data.secret} label="API key" />
          </AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
