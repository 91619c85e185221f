import type { Database } from '@/db';
import { and, eq } from 'drizzle-orm';
import { type Campaign, type Channel, type MessageType, type Template, media, templates } from '@/db/schema';
import { providerConfigFor } from '@/lib/channels/provider-for-channel';
import { getEnv } from '@/lib/env';
import { getStorage } from '@/lib/storage';
import { type WhatsAppProvider, createProvider } from '@/lib/whatsapp/providers';
import { invalidRequest } from '@/lib/whatsapp/providers/errors';
import { sandboxHooks } from '@/lib/whatsapp/sandbox/statuses';
import type { Recipient } from '@/lib/whatsapp/types';
import type { ClaimedRecipient } from './claim';
import { type RecipientLink, extractUrls, newLinkCode, withTrackedLinks } from './links';
import { type SendOutcome, classifySendError } from './outcomes';
import type { SentMessage } from './record-outcomes';
import { customerVariables, renderForCustomer } from './render';

// Everything a dispatcher works out once per run: the provider, the template, the business
// name for {{business_name}}, the URLs to track and where /l/{code} is served.
export interface SendPlan {
  campaign: Campaign;
  provider: WhatsAppProvider;
  template: Template | null;
  businessName: string;
  urls: string[];
  origin: string;
  // The image or video sent with free-form text (its caption), or why it cannot be sent.
  media: { kind: 'image' | 'video'; providerMediaId: string; mediaId: string } | { problem: string } | null;
}

// The channel's provider for campaign sends: no retries inside the provider, because a request
// retried after no answer could be a second copy; the dispatcher decides (lib/campaigns/outcomes).
export function campaignProvider(db: Database, channel: Channel): WhatsAppProvider {
  const config = providerConfigFor(channel, sandboxHooks(db, { tenantId: channel.tenantId, channelId: channel.id }));
  return createProvider(config, { allowedHosts: getEnv().WHATSAPP_API_ALLOWED_HOSTS, retry: { attempts: 1 } });
}

export async function campaignTemplate(db: Database, campaign: Campaign): Promise<Template | null> {
  if (!('templateId' in campaign.message)) return null;
  const [row] = await db.select().from(templates).where(and(eq(templates.tenantId, campaign.tenantId), eq(templates.id, campaign.message.templateId))).limit(1);
  return row ?? null;
}

// The campaign's image or video as the provider takes it: the sandbox shows the stored file;
// other providers get it uploaded once per dispatch run (Meta keeps uploads for 30 days).
export async function campaignMedia(db: Database, campaign: Campaign, provider: WhatsAppProvider): Promise<SendPlan['media']> {
  const m = campaign.message;
  if (!('text' in m) || !m.mediaId) return null;
  const [row] = await db.select().from(media).where(and(eq(media.tenantId, campaign.tenantId), eq(media.id, m.mediaId))).limit(1);
  if (!row) return { problem: 'The campaign’s image or video was deleted.' };
  const kind = row.mimeType?.startsWith('video/') ? 'video' : 'image';
  if (provider.type === 'sandbox') return { kind, providerMediaId: row.providerMediaId ?? row.id, mediaId: row.id };
  if (row.providerMediaId && row.channelId === campaign.channelId) return { kind, providerMediaId: row.providerMediaId, mediaId: row.id };
  const stored = row.storageKey ? await getStorage().get(row.storageKey) : null;
  if (!stored || !provider.uploadMedia) return { problem: 'The campaign’s image or video cannot be sent on this channel.' };
  const uploaded = await provider.uploadMedia({ bytes: stored.bytes, mimeType: row.mimeType ?? stored.contentType ?? 'application/octet-stream', fileName: row.fileName ?? undefined });
  return { kind, providerMediaId: uploaded.providerMediaId, mediaId: row.id };
}

export function planUrls(campaign: Campaign): string[] {
  const m = campaign.message;
  return 'text' in m ? extractUrls(m.text) : m.parameters.flatMap(extractUrls);
}

// One code per recipient and URL, made before the send so a click works as soon as it lands.
export function linksFor(plan: SendPlan, recipients: readonly ClaimedRecipient[]): RecipientLink[] {
  return recipients.flatMap((r) => plan.urls.map((url) => ({ code: newLinkCode(), url, recipientId: r.id })));
}

export interface Prepared {
  recipient: ClaimedRecipient;
  text: string;
  parameters: string[];
}

export function prepare(plan: SendPlan, recipient: ClaimedRecipient, codes: ReadonlyMap<string, string>): Prepared {
  const vars = customerVariables(recipient, plan.businessName);
  const rendered = renderForCustomer(plan.campaign.message, plan.campaign.type, vars, plan.template?.body);
  return {
    recipient,
    text: withTrackedLinks(rendered.text, plan.origin, codes),
    parameters: rendered.parameters.map((p) => withTrackedLinks(p, plan.origin, codes)),
  };
}

function messageFields(plan: SendPlan, p: Prepared): { type: MessageType; content: Record<string, unknown>; mediaId: string | null } {
  const content = { automation: 'campaign', campaignId: plan.campaign.id, campaignRecipientId: p.recipient.id };
  if (plan.media && 'mediaId' in plan.media) return { type: plan.media.kind, content, mediaId: plan.media.mediaId };
  if (!plan.template) return { type: 'text', content, mediaId: null };
  const { id, name, language } = plan.template;
  return { type: 'template', content: { ...content, templateId: id, name, language, parameters: p.parameters }, mediaId: null };
}

// Sends one prepared message through the provider and says what became of it.
export async function sendPrepared(plan: SendPlan, p: Prepared): Promise<{ outcome: SendOutcome; sent: SentMessage | null }> {
  const { recipient } = p;
  const to: Recipient = { waId: recipient.waId, phone: recipient.phone, userId: recipient.waUserId };
  try {
    if (plan.media && 'problem' in plan.media) throw invalidRequest(plan.media.problem);
    const result = plan.media
      ? await plan.provider.sendMedia(to, { kind: plan.media.kind, providerMediaId: plan.media.providerMediaId, caption: p.text })
      : plan.template
      ? await plan.provider.sendTemplate(to, {
          name: plan.template.name,
          language: plan.template.language,
          components: p.parameters.length > 0 ? [{ type: 'body', parameters: p.parameters.map((text) => ({ type: 'text' as const, text })) }] : [],
          localBody: plan.template.body,
        })
      : await plan.provider.sendText(to, p.text, { previewUrl: plan.urls.length > 0 });
    const fields = messageFields(plan, p);
    return {
      outcome: { kind: 'sent', recipientId: recipient.id, wamid: result.wamid },
      sent: { recipientId: recipient.id, customerId: recipient.customerId, wamid: result.wamid, text: p.text, ...fields },
    };
  } catch (error) {
    return { outcome: classifySendError(recipient.id, recipient.attempts, error), sent: null };
  }
}
