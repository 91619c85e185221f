'use client';

import { useRef } from 'react';
import { TemplateBubble } from '@/components/templates/template-bubble';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { Textarea } from '@/components/ui/textarea';
import { CAMPAIGN_TEXT_MAX, CAPTION_MAX, campaignVariables } from '@/lib/campaigns/schema';
import { renderTemplateBody } from '@/lib/whatsapp/outbound/window';
import type { BuilderTemplate, StepProps } from './builder-types';
import { CampaignMediaField, CampaignMediaPreview } from './campaign-media';

const variableLabels: Record<(typeof campaignVariables)[number], string> = {
  customer_name: 'Customer name',
  first_name: 'First name',
  tier: 'Tier',
  total_spent: 'Total spent',
  business_name: 'Business name',
};

function TextMessage({ draft, errors, onChange, optOutLine }: StepProps & { optOutLine: string }) {
  const box = useRef<HTMLTextAreaElement>(null);
  // Puts the variable where the cursor is, and the cursor after it.
  const insert = (name: string) => {
    const el = box.current;
    const token = `{{${name}}}`;
    const at = el?.selectionStart ?? draft.text.length;
    const end = el?.selectionEnd ?? at;
    onChange({ text: draft.text.slice(0, at) + token + draft.text.slice(end) });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };
  return (
    <div className="grid gap-4">
      <FormField
        label={draft.media ? 'Message (the caption)' : 'Message'}
        htmlFor="campaign-text"
        error={errors.text}
        required
        hint={`${draft.text.length.toLocaleString('en-MY')} / ${(draft.media ? CAPTION_MAX : CAMPAIGN_TEXT_MAX).toLocaleString('en-MY')} characters`}
      >
        <Textarea id="campaign-text" ref={box} rows={6} value={draft.text} onChange={(e) => onChange({ text: e.target.value })} placeholder="Salam {{first_name}}! Kopi O ais separuh harga minggu ini…" />
      </FormField>
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Insert a variable">
        <span className="text-sm text-muted-foreground">Insert:</span>
        {campaignVariables.map((v) => (
          <Button key={v} type="button" size="sm" variant="outline" className="h-7 rounded-full font-mono text-xs" onClick={() => insert(v)} title={variableLabels[v]}>
            {`{{${v}}}`}
          </Button>
        ))}
      </div>
      <CampaignMediaField media={draft.media} error={errors.media} onChange={(media) => onChange({ media })} />
      {draft.type === 'marketing' ? (
        <p className="text-sm text-muted-foreground" data-testid="campaign-opt-out">
          Marketing messages end with this line: <q className="text-foreground">{optOutLine}</q>
        </p>
      ) : null}
    </div>
  );
}

function TemplateMessage({ draft, errors, onChange, templates }: StepProps & { templates: BuilderTemplate[] }) {
  const template = templates.find((t) => t.id === draft.templateId);
  return (
    <div className="grid gap-4">
      <FormField label="Approved template" htmlFor="campaign-template" error={errors.templateId} required hint="Templates reach customers outside the 24-hour window. Only approved ones of this number are listed.">
        <NativeSelect
          id="campaign-template"
          value={draft.templateId}
          onChange={(e) => {
            const next = templates.find((t) => t.id === e.target.value);
            onChange({ templateId: e.target.value, parameters: Array.from({ length: next?.parameterCount ?? 0 }, (_, i) => draft.parameters[i] ?? '') });
          }}
        >
          <NativeSelectOption value="">{templates.length === 0 ? 'No approved template for this number' : 'Choose a template'}</NativeSelectOption>
          {templates.map((t) => (
            <NativeSelectOption key={t.id} value={t.id}>
              {t.name} ({t.language}, {t.category.toLowerCase()})
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </FormField>
      {template
        ? draft.parameters.map((value, i) => (
            <div key={i} className="grid items-start gap-2 sm:grid-cols-[1fr_12rem]">
              <FormField label={`Parameter {{${i + 1}}}`} htmlFor={`campaign-parameter-${i}`} error={errors[`parameters.${i}`]} required>
                <Input id={`campaign-parameter-${i}`} value={value} onChange={(e) => onChange({ parameters: draft.parameters.map((p, k) => (k === i ? e.target.value : p)) })} />
              </FormField>
              <FormField label="Or use" htmlFor={`campaign-parameter-${i}-variable`}>
                <NativeSelect id={`campaign-parameter-${i}-variable`} value="" onChange={(e) => e.target.value && onChange({ parameters: draft.parameters.map((p, k) => (k === i ? `{{${e.target.value}}}` : p)) })}>
                  <NativeSelectOption value="">A variable…</NativeSelectOption>
                  {campaignVariables.map((v) => (
                    <NativeSelectOption key={v} value={v}>
                      {variableLabels[v]}
                    </NativeSelectOption>
                  ))}
                </NativeSelect>
              </FormField>
            </div>
          ))
        : null}
    </div>
  );
}

export function StepMessage(props: StepProps & { templates: BuilderTemplate[]; optOutLine: string }) {
  const { draft, onChange, templates } = props;
  const template = templates.find((t) => t.id === draft.templateId);
  const media = draft.messageKind === 'text' ? draft.media : null;
  const body = draft.messageKind === 'template' ? (template ? renderTemplateBody(template.body, draft.parameters.map((p, i) => p || `{{${i + 1}}}`)) : '') : draft.text;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <Tabs value={draft.messageKind} onValueChange={(v) => onChange({ messageKind: v === 'template' ? 'template' : 'text' })}>
        <TabsList aria-label="Kind of message">
          <TabsTrigger value="text">Text</TabsTrigger>
          <TabsTrigger value="template">Approved template</TabsTrigger>
        </TabsList>
        <TabsContent value="text">
          <TextMessage {...props} />
        </TabsContent>
        <TabsContent value="template">
          <TemplateMessage {...props} />
        </TabsContent>
      </Tabs>
      <section aria-label="How it looks" className="grid content-start gap-2">
        <h3 className="text-sm font-medium">How it looks</h3>
        <div className="grid min-h-48 content-start rounded-xl bg-[#efeae2] p-4 dark:bg-zinc-900">
          <TemplateBubble
            body={
              <>
                {media ? <CampaignMediaPreview media={media} className="mb-1.5" decorative /> : null}
                {body.trim() ? <span className="whitespace-pre-wrap">{body}</span> : <span className="text-zinc-400">Your message appears here.</span>}
              </>
            }
            footer={draft.type === 'marketing' && draft.messageKind === 'text' ? props.optOutLine : null}
          />
        </div>
        <p className="text-xs text-muted-foreground">Variables are filled in for each customer; the review step shows one.</p>
      </section>
    </div>
  );
}
