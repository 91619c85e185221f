'use client';

import { useActionState, useEffect } from 'react';
import { createDataRequestAction } from '@/app/(app)/settings/pdpa/requests/actions';
import { FormError, FormField, SubmitButton } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { toast } from '@/components/ui/sonner';
import { Textarea } from '@/components/ui/textarea';
import { dataRequestKindLabels } from './request-kinds';

// Log a request that arrived by WhatsApp, email, phone or at the counter. Opened from a
// customer's page, it is linked to that customer.
export function DataRequestForm({ customer, today }: { customer: { id: string; name: string } | null; today: string }) {
  const [state, action] = useActionState(createDataRequestAction, null);
  const failed = state?.ok === false ? state : null;
  const errors = failed?.fieldErrors ?? {};
  useEffect(() => {
    if (state?.ok) toast.success(state.message ?? 'Request logged.');
  }, [state]);
  return (
    <form action={action} className="grid gap-4" noValidate>
      {customer ? <input type="hidden" name="customerId" value={customer.id} /> : null}
      <div className="grid items-start gap-4 sm:grid-cols-3">
        <FormField label="Request" htmlFor="request-kind" error={errors.kind}>
          <NativeSelect id="request-kind" name="kind" defaultValue={failed?.values.kind ?? 'access'}>
            {Object.entries(dataRequestKindLabels).map(([value, label]) => (
              <NativeSelectOption key={value} value={value}>
                {label}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <FormField
          label="From"
          htmlFor="request-subject"
          error={errors.subjectLabel ?? errors.customerId}
          hint={customer ? `Linked to the customer ${customer.name}.` : 'Who asked, e.g. a name and the last digits of their number.'}
        >
          <Input id="request-subject" name="subjectLabel" defaultValue={failed?.values.subjectLabel ?? customer?.name ?? ''} maxLength={200} />
        </FormField>
        <FormField label="Received on" htmlFor="request-received" error={errors.receivedAt ?? errors.receivedOn} hint="The 21-day clock starts on this day.">
          <Input id="request-received" name="receivedOn" type="date" max={today} defaultValue={failed?.values.receivedOn ?? today} />
        </FormField>
      </div>
      <FormField label="Notes (optional)" htmlFor="request-notes" error={errors.notes}>
        <Textarea id="request-notes" name="notes" rows={2} defaultValue={failed?.values.notes} maxLength={2000} />
      </FormField>
      <FormError message={failed && Object.keys(errors).length === 0 ? failed.error : null} />
      <div>
        <SubmitButton pendingText="Logging…">Log request</SubmitButton>
      </div>
    </form>
  );
}
