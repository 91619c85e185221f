'use client';

import { useActionState, useEffect, useState } from 'react';
import { createBreachAction } from '@/app/(app)/settings/pdpa/breaches/actions';
import { Checkbox } from '@/components/ui/checkbox';
import { FormError, FormField, SubmitButton } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { toast } from '@/components/ui/sonner';
import { Textarea } from '@/components/ui/textarea';
import { breachDataKindLabels, breachDataKinds } from '@/lib/pdpa/breach-kinds';

// Record a personal-data breach as soon as it is found: the 72-hour clock starts at discovery.
export function BreachForm({ nowLocal }: { nowLocal: string }) {
  const [state, action] = useActionState(createBreachAction, null);
  const failed = state?.ok === false ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const [kinds, setKinds] = useState<string[]>([]);
  useEffect(() => {
    if (!state?.ok) return;
    toast.success(state.message ?? 'Breach recorded.');
    setKinds([]);
  }, [state]);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <div className="grid items-start gap-4 sm:grid-cols-[minmax(0,1fr)_14rem_10rem]">
        <FormField label="What happened" htmlFor="breach-title" error={errors.title}>
          <Input id="breach-title" name="title" defaultValue={failed?.values.title} maxLength={200} placeholder="e.g. Customer list sent to the wrong group" />
        </FormField>
        <FormField label="Discovered at (Malaysia time)" htmlFor="breach-discovered" error={errors.discoveredAt}>
          <Input id="breach-discovered" name="discoveredAt" type="datetime-local" max={nowLocal} defaultValue={failed?.values.discoveredAt ?? nowLocal} />
        </FormField>
        <FormField label="People affected" htmlFor="breach-affected" error={errors.affectedCount} hint="If known.">
          <Input id="breach-affected" name="affectedCount" type="number" min={0} step={1} defaultValue={failed?.values.affectedCount} />
        </FormField>
      </div>
      <FormField label="Details" htmlFor="breach-description" error={errors.description} hint="How it happened, what was done to contain it, who was told.">
        <Textarea id="breach-description" name="description" rows={3} defaultValue={failed?.values.description} maxLength={5000} />
      </FormField>
      <fieldset className="grid gap-2" aria-describedby={errors.dataKinds ? 'breach-kinds-error' : undefined}>
        <legend className="mb-1 text-sm font-medium">Data involved</legend>
        <input type="hidden" name="dataKinds" value={kinds.join(',')} />
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {breachDataKinds.map((kind) => (
            <div key={kind} className="flex items-center gap-2">
              <Checkbox
                id={`breach-kind-${kind}`}
                checked={kinds.includes(kind)}
                onCheckedChange={(checked) => setKinds((list) => (checked === true ? [...list, kind] : list.filter((k) => k !== kind)))}
              />
              <Label htmlFor={`breach-kind-${kind}`} className="font-normal">
                {breachDataKindLabels[kind]}
              </Label>
            </div>
          ))}
        </div>
        {errors.dataKinds ? (
          <p id="breach-kinds-error" role="alert" className="text-sm font-medium text-destructive">
            {errors.dataKinds}
          </p>
        ) : null}
      </fieldset>
      <FormError message={failed && Object.keys(errors).length === 0 ? failed.error : null} />
      <div>
        <SubmitButton pendingText="Recording…">Record breach</SubmitButton>
      </div>
    </form>
  );
}
