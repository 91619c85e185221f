'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState } from 'react';
import { createTemplateAction, updateTemplateAction } from '@/app/(app)/settings/templates/actions';
import { Button } from '@/components/ui/button';
import { FormError, FormField, SubmitButton } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { toast } from '@/components/ui/sonner';
import { Textarea } from '@/components/ui/textarea';
import type { ChannelType } from '@/db/schema/channels';
import type { templateCategories, templateHeaderTypes, templateLanguages } from '@/db/schema/templates';
import { TEMPLATE_LIMITS } from '@/lib/templates/limits';
import type { PublicTemplate } from '@/lib/templates/templates';
import { templateParameterCount } from '@/lib/whatsapp/outbound/window';
import type { TemplateHeaderType } from '@/lib/whatsapp/providers';
import { TemplatePreview } from './template-preview';

export interface ChannelChoice {
  id: string;
  name: string;
  type: ChannelType;
}

// Option labels; their keys are the values the schema accepts.
const languageNames = { ms: 'Bahasa Melayu (ms)', en: 'English (en)', zh_CN: 'Chinese, simplified (zh_CN)' } satisfies Record<(typeof templateLanguages)[number], string>;
const categoryNames = { marketing: 'Marketing', utility: 'Utility', authentication: 'Authentication' } satisfies Record<(typeof templateCategories)[number], string>;
const headerNames = { none: 'No header', text: 'Text', image: 'Image', video: 'Video', document: 'Document' } satisfies Record<(typeof templateHeaderTypes)[number], string>;

const isHeaderType = (value: string): value is TemplateHeaderType => value in headerNames;

function Options({ names }: { names: Record<string, string> }) {
  return Object.entries(names).map(([value, label]) => (
    <NativeSelectOption key={value} value={value}>
      {label}
    </NativeSelectOption>
  ));
}

type Editable = Pick<PublicTemplate, 'id' | 'channelId' | 'name' | 'language' | 'category' | 'body' | 'headerType' | 'headerText' | 'footer' | 'buttons'>;

function Counter({ value, max }: { value: string; max: number }) {
  return <span className={value.length > max ? 'text-destructive' : undefined}>{`${value.length}/${max}`}</span>;
}

// Create or edit a template, with a live preview of what the customer will see. Sample values
// fill the parameters in the preview and go to Meta with a cloud submission.
export function TemplateForm({ channels, template }: { channels: ChannelChoice[]; template?: Editable }) {
  const router = useRouter();
  const [state, action] = useActionState(template ? updateTemplateAction : createTemplateAction, null);
  const failed = state?.ok === false ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const [channelId, setChannelId] = useState(template?.channelId ?? channels[0]?.id ?? '');
  const [headerType, setHeaderType] = useState<TemplateHeaderType>(template?.headerType ?? 'none');
  const [headerText, setHeaderText] = useState(template?.headerText ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [footer, setFooter] = useState(template?.footer ?? '');
  const [buttons, setButtons] = useState(() => Array.from({ length: TEMPLATE_LIMITS.buttons }, (_, i) => template?.buttons[i]?.text ?? ''));
  const [examples, setExamples] = useState<string[]>([]);
  const parameterCount = templateParameterCount(body);
  const cloud = channels.find((c) => c.id === channelId)?.type === 'cloud';

  useEffect(() => {
    if (!state?.ok) return;
    toast.success(state.message ?? 'Template saved.');
    router.push('/settings/templates');
  }, [state, router]);

  const addParameter = () => setBody((b) => `${b}${b && !b.endsWith(' ') ? ' ' : ''}{{${parameterCount + 1}}}`);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <form action={action} className="grid gap-4" noValidate>
        {template ? <input type="hidden" name="id" value={template.id} /> : null}
        <div className="grid items-start gap-4 sm:grid-cols-2">
          <FormField label="Channel" htmlFor="template-channel" error={errors.channelId} hint={template ? 'A template stays on its channel.' : undefined}>
            <NativeSelect id="template-channel" name="channelId" value={channelId} onChange={(e) => setChannelId(e.target.value)} disabled={Boolean(template)}>
              {channels.map((c) => (
                <NativeSelectOption key={c.id} value={c.id}>
                  {c.name} ({c.type})
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
          <FormField label="Name" htmlFor="template-name" error={errors.name} hint="Lowercase letters, digits and underscores, e.g. order_ready.">
            <Input id="template-name" name="name" required maxLength={TEMPLATE_LIMITS.name} defaultValue={failed?.values.name ?? template?.name} pattern="[a-z0-9_]+" />
          </FormField>
          <FormField label="Language" htmlFor="template-language" error={errors.language}>
            <NativeSelect id="template-language" name="language" defaultValue={failed?.values.language ?? template?.language ?? 'ms'}>
              <Options names={languageNames} />
            </NativeSelect>
          </FormField>
          <FormField label="Category" htmlFor="template-category" error={errors.category} hint="Marketing needs the customer's consent to promotions.">
            <NativeSelect id="template-category" name="category" defaultValue={failed?.values.category ?? template?.category ?? 'utility'}>
              <Options names={categoryNames} />
            </NativeSelect>
          </FormField>
          <FormField label="Header" htmlFor="template-header-type" error={errors.headerType}>
            <NativeSelect id="template-header-type" name="headerType" value={headerType} onChange={(e) => isHeaderType(e.target.value) && setHeaderType(e.target.value)}>
              <Options names={headerNames} />
            </NativeSelect>
          </FormField>
          {headerType === 'text' ? (
            <FormField label="Header text" htmlFor="template-header-text" error={errors.headerText} hint={<Counter value={headerText} max={TEMPLATE_LIMITS.headerText} />}>
              <Input id="template-header-text" name="headerText" value={headerText} onChange={(e) => setHeaderText(e.target.value)} maxLength={TEMPLATE_LIMITS.headerText} />
            </FormField>
          ) : null}
        </div>
        <FormField
          label="Body"
          htmlFor="template-body"
          error={errors.body}
          hint={
            <>
              Parameters are numbered {'{{1}}'}, {'{{2}}'}, … and may not start or end the message. <Counter value={body} max={TEMPLATE_LIMITS.body} />
            </>
          }
        >
          <Textarea id="template-body" name="body" rows={5} required value={body} onChange={(e) => setBody(e.target.value)} />
        </FormField>
        <div>
          <Button type="button" variant="outline" size="sm" onClick={addParameter}>
            Add parameter {`{{${parameterCount + 1}}}`}
          </Button>
        </div>
        {parameterCount > 0 ? (
          <fieldset className="grid items-start gap-3 sm:grid-cols-2">
            <legend className="mb-2 text-sm font-medium">Sample values {cloud ? '(Meta reviews the template with them)' : '(for the preview)'}</legend>
            {Array.from({ length: parameterCount }, (_, i) => (
              <FormField key={i} label={`Sample for {{${i + 1}}}`} htmlFor={`template-example-${i + 1}`} error={errors[`examples.${i}`] ?? (i === 0 ? errors.examples : undefined)}>
                <Input
                  id={`template-example-${i + 1}`}
                  name={`example${i + 1}`}
                  value={examples[i] ?? ''}
                  onChange={(e) => setExamples((list) => Object.assign([...list], { [i]: e.target.value }))}
                  maxLength={TEMPLATE_LIMITS.example}
                />
              </FormField>
            ))}
          </fieldset>
        ) : null}
        <FormField label="Footer (optional)" htmlFor="template-footer" error={errors.footer} hint={<Counter value={footer} max={TEMPLATE_LIMITS.footer} />}>
          <Input id="template-footer" name="footer" value={footer} onChange={(e) => setFooter(e.target.value)} maxLength={TEMPLATE_LIMITS.footer} />
        </FormField>
        <fieldset className="grid items-start gap-3 sm:grid-cols-3">
          <legend className="mb-2 text-sm font-medium">Quick-reply buttons (optional, up to {TEMPLATE_LIMITS.buttonText} characters)</legend>
          {buttons.map((text, i) => (
            <FormField key={i} label={`Button ${i + 1}`} htmlFor={`template-button-${i + 1}`} error={errors[`buttons.${i}.text`] ?? (i === 0 ? errors.buttons : undefined)}>
              <Input
                id={`template-button-${i + 1}`}
                name={`button${i + 1}`}
                value={text}
                onChange={(e) => setButtons((list) => list.map((b, j) => (j === i ? e.target.value : b)))}
                maxLength={TEMPLATE_LIMITS.buttonText}
              />
            </FormField>
          ))}
        </fieldset>
        <FormError message={failed && Object.keys(errors).length === 0 ? failed.error : null} />
        <div className="flex gap-2">
          <SubmitButton pendingText={cloud && !template ? 'Submitting…' : 'Saving…'}>{cloud && !template ? 'Submit to Meta for review' : 'Save template'}</SubmitButton>
          <Button type="button" variant="ghost" onClick={() => router.push('/settings/templates')}>
            Cancel
          </Button>
        </div>
      </form>
      <TemplatePreview headerType={headerType} headerText={headerText} body={body} footer={footer} buttons={buttons} examples={examples} />
    </div>
  );
}
