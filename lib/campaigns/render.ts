import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { type CampaignMessage, type Customer, customers, templates, tenants } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { formatRinggit } from '@/lib/purchases/money';
import { tierLabels } from '@/lib/purchases/tier-labels';
import type { TenantContext } from '@/lib/tenants/context';
import { renderTemplateBody } from '@/lib/whatsapp/outbound/window';
import { type CampaignVariables, campaignVariables } from './schema';

// Marketing text ends with how to stop it, in both languages (PDPA s.43; the STOP keyword is
// handled by lib/consent). Templates carry Meta's own opt-out button instead.
export const OPT_OUT_LINE = 'Balas STOP untuk berhenti menerima promosi. Reply STOP to stop promotions.';

const VARIABLE_VALUE_MAX = 100;

// A value goes in as plain text, once: a name holding "{{tier}}" stays that text, and line
// breaks, tabs and control characters become single spaces (Meta refuses template parameters
// with them, and a name must not add lines to a message).
export function variableValue(raw: string): string {
  const flat = raw.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').replace(/ {2,}/g, ' ').trim();
  return [...flat].slice(0, VARIABLE_VALUE_MAX).join('');
}

// Fills {{customer_name}}-style variables in one pass. Unknown names are refused by the schema
// before a campaign is saved; here they are left as written.
export function renderCampaignText(template: string, vars: CampaignVariables): string {
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) =>
    (campaignVariables as readonly string[]).includes(name) ? variableValue(vars[name as keyof CampaignVariables]) : whole,
  );
}

export function withOptOut(text: string, type: 'marketing' | 'service'): string {
  return type === 'marketing' ? `${text}\n\n${OPT_OUT_LINE}` : text;
}

export function customerVariables(customer: Pick<Customer, 'name' | 'profileName' | 'tier' | 'totalSpent' | 'language'>, businessName: string): CampaignVariables {
  const name = customer.name || customer.profileName || '';
  return {
    customer_name: name,
    first_name: name.trim().split(/\s+/)[0] ?? '',
    tier: tierLabels[customer.language === 'ms' ? 'ms' : 'en'][customer.tier],
    total_spent: formatRinggit(customer.totalSpent),
    business_name: businessName,
  };
}

// The text one customer receives: free-form text with the opt-out line for marketing, or the
// template's body with its parameters filled in (the parameters are what is sent).
export function renderForCustomer(message: CampaignMessage, type: 'marketing' | 'service', vars: CampaignVariables, templateBody?: string) {
  if ('text' in message) return { text: withOptOut(renderCampaignText(message.text, vars), type), parameters: [] as string[] };
  const parameters = message.parameters.map((p) => renderCampaignText(p, vars));
  return { text: renderTemplateBody(templateBody ?? '', parameters), parameters };
}

// Rounded up: the whole audience at the channel's rate, ignoring the 24-hour limit.
export function estimateDurationSeconds(eligible: number, sendRatePerSecond: number): number {
  return eligible <= 0 ? 0 : Math.ceil(eligible / Math.max(1, sendRatePerSecond));
}

export async function templateBody(db: Database, tenantId: string, message: CampaignMessage): Promise<string | undefined> {
  if (!('templateId' in message)) return undefined;
  const [row] = await db.select({ body: templates.body }).from(templates).where(and(eq(templates.tenantId, tenantId), eq(templates.id, message.templateId))).limit(1);
  if (!row) throw AppError.field('validation', 'message.templateId', 'No template with that id.');
  return row.body;
}

export async function businessName(db: Database, tenantId: string): Promise<string> {
  const [row] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  return row?.name ?? '';
}

// The review step: the message as one customer would get it (the given one, else the newest).
export async function previewCampaign(
  db: Database,
  ctx: Pick<TenantContext, 'tenantId'>,
  input: { message: CampaignMessage; type: 'marketing' | 'service'; customerId?: string },
): Promise<{ customerId: string | null; customerName: string; text: string }> {
  const [customer] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, ctx.tenantId), isNull(customers.anonymizedAt), input.customerId ? eq(customers.id, input.customerId) : undefined))
    .orderBy(desc(customers.createdAt))
    .limit(1);
  if (input.customerId && !customer) throw AppError.field('validation', 'customerId', 'No customer with that id.');
  const sample = customer ?? { name: 'Aisyah Rahman', profileName: null, tier: 'bronze' as const, totalSpent: '0', language: null };
  const vars = customerVariables(sample, await businessName(db, ctx.tenantId));
  const { text } = renderForCustomer(input.message, input.type, vars, await templateBody(db, ctx.tenantId, input.message));
  return { customerId: customer?.id ?? null, customerName: vars.customer_name, text };
}
