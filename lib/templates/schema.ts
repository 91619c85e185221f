import { z } from 'zod';
import { templateCategories, templateHeaderTypes, templateLanguages } from '@/db/schema';
import { templateParameterCount } from '@/lib/whatsapp/outbound/window';
import { TEMPLATE_LIMITS } from './limits';


export type TemplateLanguage = (typeof templateLanguages)[number];

export function isTemplateLanguage(value: string): value is TemplateLanguage {
  return (templateLanguages as readonly string[]).includes(value);
}

const PARAMETER = /\{\{([^{}]*)\}\}/g;

// Positional parameters {{1}}, {{2}}, … in order of first use.
function bodyParameterNumbers(body: string): number[] {
  return [...body.matchAll(PARAMETER)].map((m) => (/^[1-9]\d*$/.test(m[1] ?? '') ? Number(m[1]) : Number.NaN));
}

// Why Meta would refuse this body's parameters, or null. Numbers must run 1…n without gaps,
// and a body may neither start nor end with a parameter (a review rejection reason).
export function bodyParameterProblem(body: string): string | null {
  const numbers = bodyParameterNumbers(body);
  if (numbers.some(Number.isNaN)) return 'Write parameters as {{1}}, {{2}}, … — a number in double curly braces, no spaces or names.';
  const distinct = [...new Set(numbers)].sort((a, b) => a - b);
  const gap = distinct.findIndex((n, i) => n !== i + 1);
  if (gap !== -1) return `Number the parameters from {{1}} without gaps: {{${distinct[gap]}}} is used but {{${gap + 1}}} is not.`;
  const trimmed = body.trim();
  if (/^\{\{\d+\}\}/.test(trimmed) || /\{\{\d+\}\}$/.test(trimmed)) {
    return 'WhatsApp rejects a body that starts or ends with a parameter; add words before and after it.';
  }
  return null;
}

const text = (what: string, max: number) =>
  z
    .string({ error: `Enter the ${what}.` })
    .trim()
    .max(max, `WhatsApp allows at most ${max} characters in the ${what}.`);

const quickReplyButtonSchema = z.object({
  type: z.literal('quick_reply').default('quick_reply'),
  text: text('button text', TEMPLATE_LIMITS.buttonText).min(1, 'Enter the button text.'),
});

// Fields as the API and the form send them; optional ones mean "none" when absent.
const templateFieldsSchema = z.object({
  channelId: z.uuid('Choose a channel.').optional().describe('Defaults to the sandbox channel.'),
  name: text('name', TEMPLATE_LIMITS.name)
    .min(1, 'Enter a name.')
    .regex(/^[a-z0-9_]+$/, 'Use lowercase letters, digits and underscores only, e.g. order_ready.'),
  language: z.enum(templateLanguages, { error: `Choose one of ${templateLanguages.join(', ')}.` }),
  category: z.enum(templateCategories, { error: `Choose one of ${templateCategories.join(', ')}.` }),
  body: text('body', TEMPLATE_LIMITS.body).min(1, 'Write the message body.'),
  headerType: z.enum(templateHeaderTypes, { error: `Choose one of ${templateHeaderTypes.join(', ')}.` }).optional(),
  headerText: text('header', TEMPLATE_LIMITS.headerText).nullable().optional(),
  footer: text('footer', TEMPLATE_LIMITS.footer).nullable().optional(),
  buttons: z.array(quickReplyButtonSchema).max(TEMPLATE_LIMITS.buttons, `Use at most ${TEMPLATE_LIMITS.buttons} quick-reply buttons.`).optional(),
  examples: z
    .array(text('example', TEMPLATE_LIMITS.example).min(1, 'Give every parameter an example value.'))
    .max(50)
    .optional()
    .describe('A sample value for each body parameter, in order; Meta requires them to review a template. Not stored.'),
});

type Fields = z.infer<typeof templateFieldsSchema>;

function checkTemplate(t: Fields, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const problem = bodyParameterProblem(t.body);
  if (problem) issue('body', problem);
  const headerType = t.headerType ?? 'none';
  if (headerType === 'text' && !t.headerText) issue('headerText', 'Enter the header text, or choose no header.');
  if (headerType !== 'text' && t.headerText) issue('headerText', 'Only a text header has header text.');
  if (t.headerText?.includes('{{')) issue('headerText', 'Header parameters are not supported; use fixed text.');
  const texts = (t.buttons ?? []).map((b) => b.text.toLowerCase());
  if (new Set(texts).size !== texts.length) issue('buttons', 'Give each button a different text.');
  const count = templateParameterCount(t.body);
  if (t.examples && t.examples.length !== count) issue('examples', `Give exactly one example for each of the ${count} parameter(s).`);
}

export const templateInputSchema = templateFieldsSchema.superRefine(checkTemplate);
export type TemplateInput = z.infer<typeof templateInputSchema>;

// PATCH: any field but the channel; the merged template is checked as a whole.
export const templatePatchSchema = templateFieldsSchema.omit({ channelId: true }).partial();
export type TemplatePatch = z.infer<typeof templatePatchSchema>;

// The settings form posts flat fields: button1…3 and example1…n.
export const templateFormSchema = z.preprocess((raw) => {
  const form = (raw ?? {}) as Record<string, unknown>;
  const numbered = (prefix: string) =>
    Object.keys(form)
      .filter((k) => new RegExp(`^${prefix}\\d+$`).test(k))
      .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
      .map((k) => String(form[k] ?? '').trim());
  const buttons = numbered('button').filter(Boolean).map((t) => ({ type: 'quick_reply', text: t }));
  const examples = numbered('example');
  const optional = (k: string) => (typeof form[k] === 'string' && form[k] !== '' ? form[k] : undefined);
  return {
    channelId: optional('channelId'),
    name: form.name,
    language: form.language,
    category: form.category,
    body: form.body,
    headerType: optional('headerType'),
    headerText: optional('headerText') ?? null,
    footer: optional('footer') ?? null,
    buttons,
    // All left empty: none given (a local channel needs none; a cloud channel says so).
    examples: examples.some(Boolean) ? examples : undefined,
  };
}, templateInputSchema);

export const templateSyncInputSchema = z.object({ channelId: z.uuid('Choose a Cloud API channel.') });
