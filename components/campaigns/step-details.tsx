'use client';

import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import type { CampaignDraft } from './campaign-draft';
import type { BuilderChannel, StepProps } from './builder-types';
import { ChoiceCards } from './choice-cards';

const typeChoices = [
  { value: 'marketing', label: 'Marketing', description: 'Promotions and news. Only customers who agreed to marketing receive it, and it ends with how to stop.' },
  { value: 'service', label: 'Service', description: 'Updates a customer needs (orders, bookings, changes). No marketing consent needed; no offers in it.' },
] as const;

export function StepDetails({ draft, errors, onChange, channels }: StepProps & { channels: BuilderChannel[] }) {
  return (
    <div className="grid gap-5">
      <div className="grid items-start gap-4 md:grid-cols-2">
        <FormField label="Name" htmlFor="campaign-name" error={errors.name} required hint="Only your team sees it.">
          <Input id="campaign-name" value={draft.name} onChange={(e) => onChange({ name: e.target.value })} placeholder="e.g. Deepavali kopi promo" autoFocus />
        </FormField>
        <FormField label="Send from" htmlFor="campaign-channel" error={errors.channelId} required hint="The WhatsApp number and its sending rate.">
          <NativeSelect id="campaign-channel" value={draft.channelId} onChange={(e) => onChange({ channelId: e.target.value, templateId: '', parameters: [] })}>
            {channels.length === 0 ? <NativeSelectOption value="">No WhatsApp number connected</NativeSelectOption> : null}
            {channels.map((c) => (
              <NativeSelectOption key={c.id} value={c.id}>
                {c.name} · {c.sendRatePerSecond}/s
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      <FormField label="Objective (optional)" htmlFor="campaign-objective" error={errors.objective} hint="What should it achieve? e.g. bring lapsed regulars back for the new menu.">
        <Textarea id="campaign-objective" rows={2} value={draft.objective} onChange={(e) => onChange({ objective: e.target.value })} />
      </FormField>
      <ChoiceCards legend="Type" name="campaign-type" choices={typeChoices} value={draft.type} onChange={(type: CampaignDraft['type']) => onChange({ type })} />
    </div>
  );
}
