'use client';

import type { ReactNode } from 'react';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { MultiSelect } from '@/components/ui/multi-select';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { choiceOptions } from './segment-fields';
import type { SimpleFormState } from './simple-form-state';

type Errors = Record<string, string>;
type Change = (patch: Partial<SimpleFormState>) => void;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="grid gap-4 rounded-lg border p-4">
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      <div className="grid items-start gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

// Two boxes, from and to; either may stay empty. `path` is the schema's ("spend").
function RangeField({ label, path, unit, form, from, to, errors, onChange, type = 'text' }: {
  label: string;
  path: string;
  unit?: string;
  form: SimpleFormState;
  from: keyof SimpleFormState;
  to: keyof SimpleFormState;
  errors: Errors;
  onChange: Change;
  type?: 'text' | 'date';
}) {
  const [low, high] = type === 'date' ? ['from', 'to'] : ['min', 'max'];
  const error = errors[`${path}.${low}`] ?? errors[`${path}.${high}`];
  const id = `segment-${path}`;
  const box = (key: keyof SimpleFormState, which: string) => (
    <Input
      id={which === 'from' ? id : undefined}
      aria-label={`${label}, ${which}`}
      type={type}
      inputMode={type === 'date' ? undefined : unit === 'RM' ? 'decimal' : 'numeric'}
      value={form[key] as string}
      onChange={(e) => onChange({ [key]: e.target.value })}
      aria-invalid={errors[`${path}.${which === 'from' ? low : high}`] ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      className={type === 'date' ? 'w-40' : 'w-28'}
      placeholder={which === 'from' ? (type === 'date' ? undefined : 'from') : type === 'date' ? undefined : 'to'}
    />
  );
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>
        {label}
        {unit ? <span className="font-normal text-muted-foreground">({unit})</span> : null}
      </Label>
      <div className="flex flex-wrap items-center gap-2">
        {box(from, 'from')}
        <span className="text-sm text-muted-foreground">to</span>
        {box(to, 'to')}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function DaysField({ label, hint, path, form, errors, onChange }: { label: string; hint: string; path: 'lastPurchaseWithinDays' | 'lastPurchaseNotWithinDays' | 'inactiveDays'; form: SimpleFormState; errors: Errors; onChange: Change }) {
  return (
    <FormField label={label} htmlFor={`segment-${path}`} error={errors[path]} hint={hint}>
      <Input id={`segment-${path}`} inputMode="numeric" value={form[path]} onChange={(e) => onChange({ [path]: e.target.value })} className="w-28" placeholder="days" />
    </FormField>
  );
}

function ChoiceField({ label, field, path, form, errors, onChange }: {
  label: string;
  field: 'gender' | 'maritalStatus' | 'state' | 'tier' | 'consentStatus';
  path: 'genders' | 'maritalStatuses' | 'states' | 'tiers' | 'consentStatuses';
  form: SimpleFormState;
  errors: Errors;
  onChange: Change;
}) {
  const error = Object.entries(errors).find(([p]) => p === path || p.startsWith(`${path}.`))?.[1];
  return (
    <div className="grid gap-2">
      <Label htmlFor={`segment-${path}`}>{label}</Label>
      <div>
        <MultiSelect id={`segment-${path}`} label={label} options={choiceOptions[field] ?? []} value={form[path]} onChange={(next) => onChange({ [path]: next })} invalid={Boolean(error)} />
      </div>
      {error ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

// The everyday criteria, one control each; empty controls do not filter. Every control is a
// native input, select or menu button, so the form works from the keyboard.
export function SimpleCriteriaForm({ form, errors, onChange }: { form: SimpleFormState; errors: Errors; onChange: Change }) {
  const shared = { form, errors, onChange };
  return (
    <div className="grid gap-4">
      <Section title="Spend and purchases">
        <RangeField label="Total spend" unit="RM" path="spend" from="spendMin" to="spendMax" {...shared} />
        <RangeField label="Number of purchases" path="purchaseCount" from="purchasesMin" to="purchasesMax" {...shared} />
        <DaysField label="Bought in the last" hint="Days; their latest purchase is this recent." path="lastPurchaseWithinDays" {...shared} />
        <DaysField label="Not bought in the last" hint="Days; they bought before, but not since. Never bought: purchases 0 to 0." path="lastPurchaseNotWithinDays" {...shared} />
      </Section>
      <Section title="Who they are">
        <RangeField label="Age" unit="years" path="age" from="ageMin" to="ageMax" {...shared} />
        <ChoiceField label="State" field="state" path="states" {...shared} />
        <ChoiceField label="Gender" field="gender" path="genders" {...shared} />
        <ChoiceField label="Marital status" field="maritalStatus" path="maritalStatuses" {...shared} />
        <FormField label="IC number" htmlFor="segment-hasIc" error={errors.hasIc}>
          <NativeSelect id="segment-hasIc" value={form.hasIc} onChange={(e) => onChange({ hasIc: e.target.value === 'yes' ? 'yes' : e.target.value === 'no' ? 'no' : '' })} containerClassName="w-44">
            <NativeSelectOption value="">Any</NativeSelectOption>
            <NativeSelectOption value="yes">Has given one</NativeSelectOption>
            <NativeSelectOption value="no">Has not given one</NativeSelectOption>
          </NativeSelect>
        </FormField>
      </Section>
      <Section title="Loyalty, consent and activity">
        <ChoiceField label="Tier" field="tier" path="tiers" {...shared} />
        <ChoiceField label="Marketing consent" field="consentStatus" path="consentStatuses" {...shared} />
        <DaysField label="Inactive for" hint="Days without a message either way (or none ever)." path="inactiveDays" {...shared} />
        <RangeField label="Customer since" path="created" from="createdFrom" to="createdTo" type="date" {...shared} />
      </Section>
    </div>
  );
}
