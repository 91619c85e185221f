import { and, eq, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Channel, templates } from '@/db/schema';
import { loadChannel } from '@/lib/channels/channels';
import { providerForChannel } from '@/lib/channels/provider-for-channel';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenants/context';
import { templateParameterCount } from '@/lib/whatsapp/outbound/window';
import { ProviderError, type RemoteTemplate, type TemplateStatus, type WhatsAppProvider } from '@/lib/whatsapp/providers';
import { type TemplateInput, type TemplateLanguage, isTemplateLanguage } from './schema';

// Cloud channels: templates live at Meta (/{waba-id}/message_templates). Sembang submits new
// ones and syncs statuses, rejection reasons and templates made in WhatsApp Manager.

export interface RemoteTemplateStatus {
  providerTemplateId: string;
  status: TemplateStatus;
}

function whatsAppSaid(error: unknown, doing: string): unknown {
  if (!(error instanceof ProviderError)) return error;
  // Meta's details name the field at fault ("Template name already exists…"); the title is generic.
  const words = error.details ?? error.title;
  const said = words && words !== error.message ? ` WhatsApp said: “${words}”` : '';
  // Refused by Meta's review of the request itself: the template needs changing, not a retry.
  const code = error.kind === 'invalid' && !error.retryable ? 'validation' : 'bad_gateway';
  return new AppError(code, `Could not ${doing}: ${error.message}${said}`);
}

async function cloudProvider(db: Database, ctx: Pick<TenantContext, 'tenantId'>, channel: Channel): Promise<WhatsAppProvider> {
  if (channel.type !== 'cloud') throw new AppError('conflict', 'Only Cloud API channels keep templates at Meta.');
  return providerForChannel(db, { tenantId: ctx.tenantId, channelId: channel.id });
}

export async function submitTemplateToMeta(db: Database, ctx: Pick<TenantContext, 'tenantId'>, channel: Channel, t: TemplateInput): Promise<RemoteTemplateStatus> {
  const headerType = t.headerType ?? 'none';
  if (headerType !== 'none' && headerType !== 'text') {
    throw AppError.field('validation', 'headerType', 'Meta needs a sample file to review a media header. Create this template in WhatsApp Manager, then sync it here.');
  }
  if (t.category === 'authentication') {
    throw AppError.field('validation', 'category', 'Authentication templates use Meta’s fixed one-time-password layout. Create them in WhatsApp Manager, then sync.');
  }
  if (templateParameterCount(t.body) > 0 && !t.examples) {
    throw AppError.field('validation', 'examples', 'Meta reviews templates with sample values: give an example for each parameter.');
  }
  const provider = await cloudProvider(db, ctx, channel);
  if (!provider.submitTemplate) throw new AppError('conflict', 'This channel cannot submit templates.');
  try {
    return await provider.submitTemplate({
      name: t.name,
      language: t.language,
      category: t.category,
      body: t.body,
      bodyExamples: t.examples ?? [],
      ...(headerType === 'text' && t.headerText ? { header: { type: 'text' as const, text: t.headerText } } : {}),
      ...(t.footer ? { footer: t.footer } : {}),
      ...(t.buttons?.length ? { buttons: t.buttons } : {}),
    });
  } catch (error) {
    throw whatsAppSaid(error, 'submit the template to WhatsApp');
  }
}

interface SyncResult {
  created: number;
  updated: number;
  // Templates in languages or categories Sembang does not offer.
  skipped: number;
}

function remoteColumns(r: RemoteTemplate & { language: TemplateLanguage; category: NonNullable<RemoteTemplate['category']> }) {
  return {
    name: r.name,
    language: r.language,
    category: r.category,
    body: r.body,
    headerType: r.headerType,
    headerText: r.headerText,
    footer: r.footer,
    buttons: r.buttons,
    status: r.status,
    rejectionReason: r.rejectionReason,
    providerTemplateId: r.providerTemplateId,
  };
}

// Pulls every template of the channel's WhatsApp Business Account and brings Sembang's copies
// up to date (the job behind 'whatsapp/templates.sync', and the "Sync from Meta" button).
export async function syncTemplates(db: Database, ctx: Pick<TenantContext, 'tenantId'>, channelId: string): Promise<SyncResult> {
  const channel = await loadChannel(db, ctx, channelId);
  const provider = await cloudProvider(db, ctx, channel);
  if (!provider.listTemplates) throw new AppError('conflict', 'This channel cannot list templates.');
  let remote: RemoteTemplate[];
  try {
    remote = await provider.listTemplates();
  } catch (error) {
    throw whatsAppSaid(error, 'fetch templates from WhatsApp');
  }
  const result: SyncResult = { created: 0, updated: 0, skipped: 0 };
  for (const r of remote) {
    const { language, category } = r;
    if (!isTemplateLanguage(language) || !category) {
      result.skipped += 1;
      continue;
    }
    const values = remoteColumns({ ...r, language, category });
    const mine = and(eq(templates.tenantId, ctx.tenantId), eq(templates.channelId, channel.id));
    const [existing] = await db
      .select({ id: templates.id })
      .from(templates)
      .where(and(mine, or(eq(templates.providerTemplateId, r.providerTemplateId), and(eq(templates.name, r.name), eq(templates.language, language)))))
      .limit(1);
    if (existing) {
      await db
        .update(templates)
        .set({ ...values, updatedAt: new Date() })
        .where(and(mine, eq(templates.id, existing.id)));
      result.updated += 1;
    } else {
      await db.insert(templates).values({ tenantId: ctx.tenantId, channelId: channel.id, ...values }).onConflictDoNothing();
      result.created += 1;
    }
  }
  return result;
}
