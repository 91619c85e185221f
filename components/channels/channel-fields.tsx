'use client';

import type * as React from 'react';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import type { messagingLimits } from '@/db/schema/channels';
import type { ActionState } from '@/lib/actions/tenant-action';

// The fields of the cloud and wabot forms, shared by "add" and "edit". Secrets are never
// shown: on edit they start empty, and empty means unchanged.

type Failure = Extract<ActionState, { ok: false }>;

interface FieldsProps {
  // Makes ids unique when several forms are on the page.
  idPrefix: string;
  failed: Failure | null;
  // Non-secret values of the channel being edited.
  current?: Record<string, string | number | null>;
  editing?: boolean;
}

type ChannelInputProps = Omit<React.ComponentProps<typeof Input>, 'name' | 'id' | 'form'> & {
  form: FieldsProps;
  name: string;
  label: string;
  hint: React.ReactNode;
  // Written only, never read back: a password input, and on edit empty keeps the stored one.
  writeOnly?: { what: string; masked: boolean };
};

function ChannelInput({ form, name, label, hint, writeOnly, defaultValue, ...input }: ChannelInputProps) {
  const id = `${form.idPrefix}-${name}`;
  // Failed submissions echo what was typed, except tokens and secrets (see tenantAction).
  const shown = form.failed?.values[name] ?? (writeOnly ? undefined : (form.current?.[name]?.toString() ?? defaultValue));
  const writeOnlyProps = writeOnly
    ? { type: writeOnly.masked ? 'password' : 'text', autoComplete: 'off', placeholder: form.editing ? `Unchanged — type a new ${writeOnly.what} to replace it` : undefined }
    : {};
  return (
    <FormField label={label} htmlFor={id} error={form.failed?.fieldErrors[name]} hint={hint}>
      <Input id={id} name={name} defaultValue={shown} {...input} {...writeOnlyProps} />
    </FormField>
  );
}

const shownFields = new Set(['name', 'phoneNumberId', 'wabaId', 'accessToken', 'appSecret', 'verifyToken', 'apiBaseUrl', 'sendRatePerSecond', 'messagingLimit', 'instanceId']);

// Whether an error is already beside a field; if not, the form shows it as a whole.
export function hasShownFieldError(failed: Failure): boolean {
  return Object.keys(failed.fieldErrors).some((field) => shownFields.has(field));
}

const limitLabels: Record<(typeof messagingLimits)[number], string> = {
  '250': '250 customers / 24 h',
  '2000': '2,000 customers / 24 h',
  '10000': '10,000 customers / 24 h',
  '100000': '100,000 customers / 24 h',
  unlimited: 'Unlimited',
};

export function NameField({ form, placeholder }: { form: FieldsProps; placeholder: string }) {
  return <ChannelInput form={form} name="name" label="Name" hint="How your team sees this number in the inbox." maxLength={80} placeholder={placeholder} />;
}

export function CloudFields({ form, defaultApiBaseUrl }: { form: FieldsProps; defaultApiBaseUrl: string }) {
  const limitId = `${form.idPrefix}-messagingLimit`;
  return (
    <>
      <ChannelInput form={form} name="phoneNumberId" label="Phone number ID" inputMode="numeric" hint="Meta App Dashboard → WhatsApp → API Setup, under the sender number (an ID, not the phone number itself)." />
      <ChannelInput form={form} name="wabaId" label="WhatsApp Business Account ID" inputMode="numeric" hint="On the same API Setup page, or Business Settings → Accounts → WhatsApp accounts." />
      <ChannelInput
        form={form}
        name="accessToken"
        label="Access token"
        writeOnly={{ what: 'token', masked: true }}
        hint="A permanent token of a system user (Business Settings → Users → System users → Generate new token) with the whatsapp_business_messaging and whatsapp_business_management permissions. The temporary token on API Setup expires within a day."
      />
      <ChannelInput
        form={form}
        name="appSecret"
        label="App secret"
        writeOnly={{ what: 'secret', masked: true }}
        hint="App Dashboard → App settings → Basic → App secret (Show). Sembang checks the signature of every webhook with it."
      />
      <ChannelInput
        form={form}
        name="verifyToken"
        label="Verify token"
        writeOnly={{ what: 'verify token', masked: true }}
        hint="A phrase you make up (8 characters or more). Enter the same one, with the webhook callback URL shown on this page, in App Dashboard → WhatsApp → Configuration → Webhook, then subscribe to the “messages” field."
      />
      <ChannelInput form={form} name="apiBaseUrl" label="API base URL" type="url" placeholder={defaultApiBaseUrl} hint={`Leave empty for Meta's Graph API (${defaultApiBaseUrl}).`} />
      <ChannelInput
        form={form}
        name="sendRatePerSecond"
        label="Send rate (messages per second)"
        type="number"
        min={1}
        max={1000}
        defaultValue="80"
        hint="80 by default for a Cloud API number; Meta raises it to 1,000 for eligible numbers."
      />
      <FormField label="Messaging limit" htmlFor={limitId} error={form.failed?.fieldErrors.messagingLimit} hint="WhatsApp Manager → Phone numbers → Messaging limit: how many customers you may start conversations with per 24 h.">
        <NativeSelect id={limitId} name="messagingLimit" defaultValue={form.failed?.values.messagingLimit ?? form.current?.messagingLimit?.toString() ?? '250'}>
          {Object.entries(limitLabels).map(([value, label]) => (
            <NativeSelectOption key={value} value={value}>
              {label}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </FormField>
    </>
  );
}

export function WabotFields({ form }: { form: FieldsProps }) {
  return (
    <>
      <ChannelInput form={form} name="apiBaseUrl" label="Gateway base URL" type="url" placeholder="https://app.wabot.my/api" hint="For wabot.my: https://app.wabot.my/api. Sembang sends with POST {base URL}/send." />
      <ChannelInput form={form} name="instanceId" label="Instance ID" writeOnly={{ what: 'instance ID', masked: false }} hint="wabot dashboard → your linked WhatsApp instance → Instance ID." />
      <ChannelInput form={form} name="accessToken" label="Access token" writeOnly={{ what: 'token', masked: true }} hint="wabot dashboard → API → Access token." />
    </>
  );
}
