import { invalidRequest } from './errors';
import type { QuickReplyButton, RemoteTemplate, TemplateCategory, TemplateDefinition, TemplateHeaderType, TemplateStatus } from './types';

// Mapping between Sembang's templates and Meta's message-template objects
// (WhatsApp Business Management API: /{waba-id}/message_templates).

export const TEMPLATE_FIELDS = 'id,name,language,status,category,components,rejected_reason';

const statuses: Record<string, TemplateStatus> = {
  APPROVED: 'approved',
  PENDING: 'pending',
  IN_APPEAL: 'pending',
  REJECTED: 'rejected',
  PAUSED: 'paused',
  DISABLED: 'disabled',
  PENDING_DELETION: 'disabled',
  DELETED: 'disabled',
  ARCHIVED: 'disabled',
  LIMIT_EXCEEDED: 'rejected',
};

// Unknown future statuses count as pending: not sendable, not final.
export function templateStatus(meta: unknown): TemplateStatus {
  return (typeof meta === 'string' && statuses[meta.toUpperCase()]) || 'pending';
}

const categories: readonly TemplateCategory[] = ['marketing', 'utility', 'authentication'];
const mediaHeaders: readonly TemplateHeaderType[] = ['image', 'video', 'document'];

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);

function headerType(format: string | null): TemplateHeaderType {
  const type = (format ?? '').toLowerCase();
  if (type === 'text') return 'text';
  return mediaHeaders.find((h) => h === type) ?? 'none';
}

export function toRemoteTemplate(raw: unknown): RemoteTemplate | null {
  const t = obj(raw);
  const id = text(t.id);
  const name = text(t.name);
  if (!id || !name) return null;
  const components = list(t.components);
  const part = (type: string) => components.find((c) => text(c.type)?.toUpperCase() === type);
  const header = part('HEADER');
  const category = text(t.category)?.toLowerCase();
  const buttons: QuickReplyButton[] = list(part('BUTTONS')?.buttons)
    .filter((b) => text(b.type) === 'QUICK_REPLY' && text(b.text))
    .map((b) => ({ type: 'quick_reply', text: text(b.text) ?? '' }));
  const reason = text(t.rejected_reason);
  return {
    providerTemplateId: id,
    name,
    language: text(t.language) ?? '',
    category: categories.find((c) => c === category) ?? null,
    status: templateStatus(t.status),
    rejectionReason: reason && reason !== 'NONE' ? reason : null,
    body: text(part('BODY')?.text) ?? '',
    headerType: header ? headerType(text(header.format)) : 'none',
    headerText: header ? text(header.text) : null,
    footer: text(part('FOOTER')?.text),
    buttons,
  };
}

function placeholders(s: string): number {
  return new Set([...s.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => m[1])).size;
}

// The create-template request body. Meta requires sample values for every variable.
export function toMetaTemplate(t: TemplateDefinition): Json {
  if (!/^[a-z0-9_]{1,512}$/.test(t.name)) throw invalidRequest('A template name may use only lowercase letters, digits and underscores.');
  const components: Json[] = [];
  if (t.header?.type === 'text') {
    const needsExample = placeholders(t.header.text) > 0;
    if (needsExample && !t.header.example) throw invalidRequest('The header has a parameter; give it an example value.');
    components.push({
      type: 'HEADER',
      format: 'TEXT',
      text: t.header.text,
      ...(needsExample && { example: { header_text: [t.header.example] } }),
    });
  } else if (t.header) {
    components.push({ type: 'HEADER', format: t.header.type.toUpperCase(), example: { header_handle: [t.header.handle] } });
  }
  const params = placeholders(t.body);
  if (t.bodyExamples.length !== params) {
    throw invalidRequest(`The body has ${params} parameter(s); give exactly one example value for each.`);
  }
  components.push({ type: 'BODY', text: t.body, ...(params > 0 && { example: { body_text: [t.bodyExamples] } }) });
  if (t.footer) components.push({ type: 'FOOTER', text: t.footer });
  if (t.buttons?.length) {
    components.push({ type: 'BUTTONS', buttons: t.buttons.map((b) => ({ type: 'QUICK_REPLY', text: b.text })) });
  }
  return { name: t.name, language: t.language, category: t.category.toUpperCase(), components };
}
