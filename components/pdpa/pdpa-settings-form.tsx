'use client';

import { useActionState, useEffect, useState } from 'react';
import { savePdpaSettingsAction } from '@/app/(app)/settings/pdpa/actions';
import { FormError, FormField, SubmitButton } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { toast } from '@/components/ui/sonner';
import { REMINDER_HOURS } from '@/lib/pdpa/limits';
import type { PdpaSettings } from '@/lib/pdpa/settings';
import { NoticeField } from './notice-field';

const MESSAGE_MONTHS = [3, 6, 12, 24, 36, 60, 84];
const INACTIVE_YEARS = [1, 2, 3, 5, 7, 10];

function RetentionSelect({
  id,
  name,
  unit,
  choices,
  value,
  submitted,
  error,
  hint,
}: {
  id: string;
  name: string;
  unit: string;
  choices: number[];
  value: number | null;
  // What a failed save sent, so the form keeps it.
  submitted?: string;
  error?: string;
  hint: string;
}) {
  // The saved value stays choosable even when it is not one of the usual steps.
  const options = value !== null && !choices.includes(value) ? [...choices, value].sort((a, b) => a - b) : choices;
  return (
    <FormField label={name === 'retentionMessageMonths' ? 'Message bodies' : 'Inactive customers'} htmlFor={id} error={error} hint={hint}>
      <NativeSelect id={id} name={name} defaultValue={submitted ?? (value === null ? 'keep' : String(value))}>
        <NativeSelectOption value="keep">Keep</NativeSelectOption>
        {options.map((n) => (
          <NativeSelectOption key={n} value={String(n)}>
            {`After ${n} ${unit}${n === 1 ? '' : 's'}`}
          </NativeSelectOption>
        ))}
      </NativeSelect>
    </FormField>
  );
}

// Settings → PDPA: the brand, the versioned consent notice, the reminder, retention and the
// data protection officer.
export function PdpaSettingsForm({ settings }: { settings: PdpaSettings }) {
  const [state, action] = useActionState(savePdpaSettingsAction, null);
  const failed = state?.ok === false ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const [brand, setBrand] = useState(settings.brandName);
  const [notice, setNotice] = useState({ ms: settings.notice?.bodyMs ?? '', en: settings.notice?.bodyEn ?? '', zh: settings.notice?.bodyZh ?? '' });
  const value = (name: keyof PdpaSettings & string, fallback: string | number | null) => failed?.values[name] ?? (fallback === null ? '' : String(fallback));

  useEffect(() => {
    if (!state?.ok) return;
    toast.success(state.data.newNoticeVersion ? `Saved. New customers now get notice version ${state.data.noticeVersion}.` : 'Settings saved.');
  }, [state]);

  return (
    <form action={action} className="grid gap-8" noValidate>
      <section className="grid gap-4" aria-labelledby="pdpa-brand-heading">
        <h2 id="pdpa-brand-heading" className="text-base font-semibold">
          Brand and consent notice
        </h2>
        <FormField label="Brand name" htmlFor="pdpa-brand" error={errors.brandName} hint="The name customers know you by; it fills {{brand}}.">
          <Input id="pdpa-brand" name="brandName" value={brand} onChange={(e) => setBrand(e.target.value)} maxLength={100} required className="max-w-md" />
        </FormField>
        {(['ms', 'en', 'zh'] as const).map((language) => (
          <NoticeField
            key={language}
            language={language}
            value={notice[language]}
            onChange={(text) => setNotice((n) => ({ ...n, [language]: text }))}
            brand={brand}
            serverError={errors[{ ms: 'noticeMs', en: 'noticeEn', zh: 'noticeZh' }[language]]}
          />
        ))}
        <p className="text-sm text-muted-foreground">
          Changing the words saves a new version{settings.notice ? ` (now version ${settings.notice.version})` : ''}; each customer&apos;s consent record keeps the version they
          were shown.
        </p>
      </section>

      <section className="grid gap-4" aria-labelledby="pdpa-reminder-heading">
        <h2 id="pdpa-reminder-heading" className="text-base font-semibold">
          Consent reminder
        </h2>
        <FormField
          label="Remind after (hours)"
          htmlFor="pdpa-reminder"
          error={errors.consentReminderHours}
          hint={`One reminder if the customer has not answered. ${REMINDER_HOURS.min}–${REMINDER_HOURS.max} hours: WhatsApp lets a business write freely only within 24 hours of the customer's last message, so a later reminder could not be sent.`}
        >
          <Input
            id="pdpa-reminder"
            name="consentReminderHours"
            type="number"
            min={REMINDER_HOURS.min}
            max={REMINDER_HOURS.max}
            step={1}
            defaultValue={value('consentReminderHours', settings.consentReminderHours)}
            className="max-w-32"
          />
        </FormField>
      </section>

      <section className="grid gap-4" aria-labelledby="pdpa-retention-heading">
        <h2 id="pdpa-retention-heading" className="text-base font-semibold">
          Retention
        </h2>
        <div className="grid items-start gap-4 sm:grid-cols-2">
          <RetentionSelect
            id="pdpa-retention-messages"
            name="retentionMessageMonths"
            unit="month"
            choices={MESSAGE_MONTHS}
            value={settings.retentionMessageMonths}
            submitted={failed?.values.retentionMessageMonths}
            error={errors.retentionMessageMonths}
            hint="Older message texts, captions and photos are erased every night; who wrote when stays for your statistics."
          />
          <RetentionSelect
            id="pdpa-retention-customers"
            name="retentionInactiveYears"
            unit="year"
            choices={INACTIVE_YEARS}
            value={settings.retentionInactiveYears}
            submitted={failed?.values.retentionInactiveYears}
            error={errors.retentionInactiveYears}
            hint="Customers with no messages for this long are anonymised every night, unless a data request about them is open."
          />
        </div>
      </section>

      <section className="grid gap-4" aria-labelledby="pdpa-dpo-heading">
        <h2 id="pdpa-dpo-heading" className="text-base font-semibold">
          Data protection officer
        </h2>
        <div className="grid items-start gap-4 sm:grid-cols-3">
          <FormField label="Name" htmlFor="pdpa-dpo-name" error={errors.dpoName}>
            <Input id="pdpa-dpo-name" name="dpoName" defaultValue={value('dpoName', settings.dpoName)} maxLength={100} />
          </FormField>
          <FormField label="Email" htmlFor="pdpa-dpo-email" error={errors.dpoEmail}>
            <Input id="pdpa-dpo-email" name="dpoEmail" type="email" defaultValue={value('dpoEmail', settings.dpoEmail)} />
          </FormField>
          <FormField label="Phone" htmlFor="pdpa-dpo-phone" error={errors.dpoPhone} hint="With the country code, e.g. +60312345678.">
            <Input id="pdpa-dpo-phone" name="dpoPhone" type="tel" defaultValue={value('dpoPhone', settings.dpoPhone)} />
          </FormField>
        </div>
      </section>

      <FormError message={failed && Object.keys(errors).length === 0 ? failed.error : null} />
      <div>
        <SubmitButton pendingText="Saving…">Save PDPA settings</SubmitButton>
      </div>
    </form>
  );
}
