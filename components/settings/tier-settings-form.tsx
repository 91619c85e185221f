'use client';

import { useActionState, useEffect } from 'react';
import { saveTierSettingsAction } from '@/app/(app)/settings/tiers/actions';
import { TierBadge } from '@/components/customers/tier-badge';
import { FormError, FormField, SubmitButton } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { toast } from '@/components/ui/sonner';
import type { Tier } from '@/db/schema';
import type { TierSettings } from '@/lib/purchases/tier-settings';

const paidTiers = ['silver', 'gold', 'platinum'] as const;

const customersLabel = (n: number) => `${n.toLocaleString('en')} customer${n === 1 ? '' : 's'} now`;

// Settings → Tiers: thresholds that must rise, the spend basis and the tier-up message.
export function TierSettingsForm({ settings, counts }: { settings: TierSettings; counts: Record<Tier, number> }) {
  const [state, action] = useActionState(saveTierSettingsAction, null);
  const failed = state?.ok === false ? state : null;
  const errors = failed?.fieldErrors ?? {};

  useEffect(() => {
    if (!state?.ok) return;
    const { changed } = state.data;
    toast.success(changed === 0 ? 'Tiers saved. No customer changed tier.' : `Tiers saved. ${changed.toLocaleString('en')} customer${changed === 1 ? '' : 's'} changed tier.`);
  }, [state]);

  return (
    <form action={action} className="grid gap-6" noValidate>
      <fieldset className="grid gap-4">
        <legend className="mb-2 text-base font-semibold">Thresholds (RM spent)</legend>
        <div className="grid grid-cols-[7rem_1fr] items-center gap-3">
          <TierBadge tier="bronze" />
          <p className="text-sm text-muted-foreground">From RM 0.00 · {customersLabel(counts.bronze)}</p>
        </div>
        {paidTiers.map((tier) => (
          <div key={tier} className="grid grid-cols-[7rem_1fr] items-start gap-3">
            <div className="pt-8">
              <TierBadge tier={tier} />
            </div>
            <FormField label={`${tier[0]!.toUpperCase()}${tier.slice(1)} from (RM)`} htmlFor={`tier-${tier}`} error={errors[tier]} hint={customersLabel(counts[tier])}>
              <Input id={`tier-${tier}`} name={tier} inputMode="decimal" required className="max-w-40" defaultValue={failed?.values[tier] ?? settings.thresholds[tier]} />
            </FormField>
          </div>
        ))}
      </fieldset>
      <FormField label="Spend that counts" htmlFor="tier-basis" error={errors.basis} hint="On the last 12 months, a tier falls again when old purchases leave the window (checked daily).">
        <NativeSelect id="tier-basis" name="basis" containerClassName="max-w-xs" defaultValue={failed?.values.basis ?? settings.basis}>
          <NativeSelectOption value="lifetime">Everything the customer ever spent</NativeSelectOption>
          <NativeSelectOption value="last_12_months">The last 12 months</NativeSelectOption>
        </NativeSelect>
      </FormField>
      <div className="grid gap-1">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="tierUpMessage" className="size-4 accent-primary" defaultChecked={failed ? failed.values.tierUpMessage === 'on' : settings.tierUpMessage} />
          Congratulate customers on WhatsApp when they move up a tier
        </label>
        <p className="pl-6 text-xs text-muted-foreground">In Bahasa Malaysia or English. Only to customers who agreed to marketing, and only within 24 hours of their last message.</p>
      </div>
      <FormError message={failed && Object.keys(errors).length === 0 ? failed.error : null} />
      <div>
        <SubmitButton pendingText="Saving and recalculating…">Save tiers</SubmitButton>
      </div>
    </form>
  );
}
