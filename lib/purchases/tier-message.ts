import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type ConsentStatus, type Tier, conversations } from '@/db/schema';
import { conversationSettings } from '@/lib/automation/turn';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import { queueSystemMessages } from '@/lib/whatsapp/outbound/system-message';
import { isWindowOpen } from '@/lib/whatsapp/outbound/window';
import { formatRinggit } from './money';
import { tierLabels } from './tier-labels';

const tierUpText = {
  ms: (v: { name: string; tier: string; brand: string; spend: string }) =>
    `Tahniah ${v.name}! Anda kini ahli ${v.tier} ${v.brand} dengan jumlah belanja ${v.spend}. Terima kasih kerana terus bersama kami!`,
  en: (v: { name: string; tier: string; brand: string; spend: string }) =>
    `Congratulations ${v.name}! You are now a ${v.tier} member of ${v.brand}, with ${v.spend} spent. Thank you for shopping with us!`,
};

export function tierUpMessageText(language: 'ms' | 'en', values: { name: string; tier: Tier; brand: string; spend: string }): string {
  return tierUpText[language]({ name: values.name, tier: tierLabels[language][values.tier], brand: values.brand, spend: formatRinggit(values.spend) });
}

// Tells the customer they moved up a tier, through the consent engineer's system-message
// sender, in the caller's transaction (the customer's row is locked). Only to a customer who
// has granted marketing consent and whose 24-hour window is open: a free-form message
// outside it would need a paid template, and a loyalty message is not worth one.
// Answers whether the message was queued.
export async function sendTierUpMessage(
  tx: Database,
  tenantId: string,
  customer: { id: string; name: string; language: 'ms' | 'en' | 'zh' | null; consentStatus: ConsentStatus; tier: Tier; spend: string },
  options: { now: Date; jobs?: JobClient },
): Promise<boolean> {
  if (customer.consentStatus !== 'granted') return false;
  const [conversation] = await tx
    .select({ id: conversations.id, channelId: conversations.channelId, lastInboundAt: conversations.lastInboundAt })
    .from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.customerId, customer.id)))
    .orderBy(sql`${conversations.lastInboundAt} desc nulls last`, desc(conversations.createdAt))
    .limit(1);
  if (!conversation || !isWindowOpen(conversation.lastInboundAt, options.now)) return false;
  const settings = await conversationSettings(tx, tenantId);
  // As the consent conversation answers (automation/turn replyLanguage): no Chinese texts yet.
  const language = (customer.language ?? settings.defaultLanguage) === 'ms' ? 'ms' : 'en';
  await queueSystemMessages(
    tx,
    { tenantId, conversationId: conversation.id, channelId: conversation.channelId, customerId: customer.id },
    [{ automation: 'loyalty.tier_up', text: tierUpMessageText(language, { name: customer.name, tier: customer.tier, brand: settings.brandName, spend: customer.spend }) }],
    { now: options.now, jobs: options.jobs ?? getJobClient() },
  );
  return true;
}
