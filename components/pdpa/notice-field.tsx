'use client';

import { TemplateBubble } from '@/components/templates/template-bubble';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { consentButtons } from '@/lib/consent/keywords';
import { renderNotice } from '@/lib/consent/notices';
import { NOTICE_MAX_LENGTH, noticeProblem } from '@/lib/pdpa/notice-rules';

export type NoticeLanguage = 'ms' | 'en' | 'zh';

const labels: Record<NoticeLanguage, string> = { ms: 'Bahasa Malaysia', en: 'English', zh: 'Chinese (optional)' };
// The preview's stand-in for the customer's WhatsApp name.
const SAMPLE_NAME = 'Aisyah';

// One language of the consent notice: the text, its check as the owner types, and the message
// as the customer's WhatsApp shows it with the reply buttons.
export function NoticeField({
  language,
  value,
  onChange,
  brand,
  serverError,
}: {
  language: NoticeLanguage;
  value: string;
  onChange: (value: string) => void;
  brand: string;
  serverError?: string;
}) {
  const optional = language === 'zh';
  const problem = optional && value.trim() === '' ? null : noticeProblem(value);
  const id = `notice-${language}`;
  const buttons = consentButtons[language === 'ms' ? 'ms' : 'en'];
  return (
    <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <FormField
        label={`Notice in ${labels[language]}`}
        htmlFor={id}
        error={serverError ?? (value.trim() ? problem : null)}
        hint={
          <>
            {'{{name}}'} becomes the customer&apos;s WhatsApp name and {'{{brand}}'} your brand. Say who you are and that STOP opts out.{' '}
            <span className={value.length > NOTICE_MAX_LENGTH ? 'text-destructive' : undefined}>{`${value.length}/${NOTICE_MAX_LENGTH}`}</span>
          </>
        }
      >
        <Textarea id={id} name={{ ms: 'noticeMs', en: 'noticeEn', zh: 'noticeZh' }[language]} rows={6} value={value} onChange={(e) => onChange(e.target.value)} required={!optional} />
      </FormField>
      <div className="grid content-start gap-2" aria-label={`Preview in ${labels[language]}`} role="region">
        <p className="text-sm font-medium">Preview</p>
        <div className="rounded-xl bg-[#efeae2] p-3 dark:bg-zinc-900" data-testid={`notice-preview-${language}`}>
          {value.trim() ? (
            <TemplateBubble body={renderNotice(value, { name: SAMPLE_NAME, brand: brand.trim() || '{{brand}}' })} buttons={[...buttons]} meta={<span>12:00 PM</span>} />
          ) : (
            <p className="text-sm text-zinc-500">{optional ? 'No Chinese text.' : 'Write the notice to see it here.'}</p>
          )}
        </div>
      </div>
    </div>
  );
}
