'use client';

import { useActionState, useEffect } from 'react';
import { correctCustomerAction } from '@/app/(app)/customers/[id]/actions';
import { Button } from '@/components/ui/button';
import { FormError, FormField, SubmitButton } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { toast } from '@/components/ui/sonner';
import { genderLabels, maritalLabels } from './customer-labels';
import { languageLabels } from './profile-labels';

export interface ProfileFormValues {
  id: string;
  name: string;
  city: string | null;
  language: string | null;
  gender: string | null;
  maritalStatus: string | null;
  icNumberMasked: string | null;
}

const fieldNames = ['name', 'city', 'language', 'gender', 'maritalStatus', 'icNumber'];

// Corrects the profile (PDPA right of correction). Errors appear beside their fields and what
// was typed stays; an empty IC box keeps the number on file.
export function ProfileForm({ customer, onDone }: { customer: ProfileFormValues; onDone: () => void }) {
  const [state, action] = useActionState(correctCustomerAction, null);
  useEffect(() => {
    if (!state?.ok) return;
    toast.success(state.message ?? 'Profile saved.');
    onDone();
  }, [state, onDone]);
  const failed = state?.ok === false ? state : null;
  const value = (name: keyof ProfileFormValues | 'icNumber', current: string | null | undefined) => failed?.values[name] ?? current ?? '';
  const error = (name: string) => failed?.fieldErrors[name];
  const select = (name: 'language' | 'gender' | 'maritalStatus', label: string, options: Record<string, string>) => (
    <FormField label={label} htmlFor={`profile-${name}`} error={error(name)}>
      <NativeSelect id={`profile-${name}`} name={name} defaultValue={value(name, customer[name])}>
        <NativeSelectOption value="">Not known</NativeSelectOption>
        {Object.entries(options).map(([v, text]) => (
          <NativeSelectOption key={v} value={v}>
            {text}
          </NativeSelectOption>
        ))}
      </NativeSelect>
    </FormField>
  );
  return (
    <form action={action} className="grid gap-4" noValidate aria-label="Edit profile">
      <input type="hidden" name="customerId" value={customer.id} />
      <FormField label="Name" htmlFor="profile-name" error={error('name')} required>
        <Input id="profile-name" name="name" defaultValue={value('name', customer.name)} maxLength={120} autoComplete="off" />
      </FormField>
      <FormField
        label="IC number"
        htmlFor="profile-icNumber"
        error={error('icNumber')}
        hint={customer.icNumberMasked ? `On file: ${customer.icNumberMasked}. Leave empty to keep it.` : 'A MyKad number sets the date of birth, birth state and gender.'}
      >
        <Input id="profile-icNumber" name="icNumber" defaultValue={value('icNumber', '')} placeholder="901231-01-1234" inputMode="numeric" autoComplete="off" />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        {select('gender', 'Gender', genderLabels)}
        {select('maritalStatus', 'Marital status', maritalLabels)}
        {select('language', 'Language', languageLabels)}
        <FormField label="City" htmlFor="profile-city" error={error('city')}>
          <Input id="profile-city" name="city" defaultValue={value('city', customer.city)} maxLength={80} />
        </FormField>
      </div>
      <FormError message={failed && !fieldNames.some((f) => failed.fieldErrors[f]) ? failed.error : null} />
      <div className="flex gap-2">
        <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
