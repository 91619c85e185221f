'use client';

import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import type { ScheduleChoice, TierChoice, TriggerChoice } from './campaign-draft';
import type { StepProps } from './builder-types';
import { ChoiceCards } from './choice-cards';

const whenChoices = [
  { value: 'now', label: 'Send now', description: 'Starts as soon as you launch it.' },
  { value: 'later', label: 'Schedule', description: 'Starts at a date and time you choose (Malaysia time).' },
  { value: 'trigger', label: 'Automated', description: 'Sends to each customer when something happens to them: a birthday, going quiet, a new tier.' },
] as const;

const triggerChoices = [
  { value: 'birthday', label: 'Birthday', description: 'On the customer’s birthday (Malaysian calendar day, from the date of birth in their profile), once a year.' },
  { value: 'inactive', label: 'Gone quiet', description: 'When a customer has not written for a number of days; once per quiet spell.' },
  { value: 'tier_up', label: 'Tier up', description: 'When a purchase moves a customer up a loyalty tier; once per tier.' },
] as const;

export function StepSchedule({ draft, errors, onChange }: StepProps) {
  return (
    <div className="grid gap-6">
      <ChoiceCards legend="When" name="campaign-when" choices={whenChoices} value={draft.when} onChange={(when: ScheduleChoice) => onChange({ when })} />
      {errors.audience ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {errors.audience}
        </p>
      ) : null}
      {draft.when === 'trigger' ? (
        <div className="grid gap-4">
          <ChoiceCards legend="Trigger" name="campaign-trigger" choices={triggerChoices} value={draft.trigger} onChange={(trigger: TriggerChoice) => onChange({ trigger })} />
          {draft.trigger === 'inactive' ? (
            <FormField label="Days without a message from the customer" htmlFor="campaign-inactive-days" error={errors.inactiveDays} required className="max-w-xs">
              <Input id="campaign-inactive-days" inputMode="numeric" value={draft.inactiveDays} onChange={(e) => onChange({ inactiveDays: e.target.value })} className="w-28" />
            </FormField>
          ) : null}
          {draft.trigger === 'inactive' && draft.messageKind === 'text' ? (
            <p role="note" className="text-sm text-warning">A quiet customer’s 24-hour window is closed, so free-form text would be skipped. Choose an approved template in the Message step.</p>
          ) : null}
          {draft.trigger === 'tier_up' ? (
            <FormField label="Reaching" htmlFor="campaign-tier" className="max-w-xs" hint="Any higher tier, or only one.">
              <NativeSelect id="campaign-tier" value={draft.tierUpTier} onChange={(e) => onChange({ tierUpTier: e.target.value as TierChoice })}>
                <NativeSelectOption value="">Any higher tier</NativeSelectOption>
                <NativeSelectOption value="silver">Silver</NativeSelectOption>
                <NativeSelectOption value="gold">Gold</NativeSelectOption>
                <NativeSelectOption value="platinum">Platinum</NativeSelectOption>
              </NativeSelect>
            </FormField>
          ) : null}
          <p className="text-sm text-muted-foreground">Checked every morning at 09:00 Malaysia time (tier-ups as they happen). Consent and the sending rate apply as for any campaign.</p>
        </div>
      ) : null}
      <div className="grid items-start gap-4 md:grid-cols-2">
        {draft.when === 'later' ? (
          <FormField label="Start (Malaysia time)" htmlFor="campaign-start" error={errors.startAt} required>
            <Input id="campaign-start" type="datetime-local" value={draft.startAt} onChange={(e) => onChange({ startAt: e.target.value })} className="w-60" />
          </FormField>
        ) : null}
        <FormField label="Stop sending after (optional, Malaysia time)" htmlFor="campaign-end" error={errors.endAt} hint="Nothing more is sent after this, even to customers still waiting.">
          <Input id="campaign-end" type="datetime-local" value={draft.endAt} onChange={(e) => onChange({ endAt: e.target.value })} className="w-60" />
        </FormField>
      </div>
    </div>
  );
}
