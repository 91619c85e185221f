import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { conversations, messages } from '@/db/schema';
import type { TenantConversationSettings } from '@/lib/automation/turn';
import type { ReplyLanguage } from '@/lib/consent/keywords';
import type { JobClient } from '@/lib/jobs/client';
import { queueSystemMessages } from '@/lib/whatsapp/outbound/system-message';
import { isWindowOpen } from '@/lib/whatsapp/outbound/window';

// Answers the customer in the conversation their photo came in, as the consent conversation
// answers: free-form, so only inside the 24-hour window (a review decided days later stays
// unanswered; the job records that). In the caller's transaction.

// As automation/turn's replyLanguage: the language we know the customer speaks, else the
// tenant's; no Chinese texts yet.
export function languageFor(customer: { language: 'ms' | 'en' | 'zh' | null }, settings: Pick<TenantConversationSettings, 'defaultLanguage'>): ReplyLanguage {
  return (customer.language ?? settings.defaultLanguage) === 'ms' ? 'ms' : 'en';
}

export async function replyToPhoto(
  tx: Database,
  job: { tenantId: string; customerId: string | null; messageId: string | null },
  text: string,
  options: { now: Date; jobs: JobClient },
): Promise<boolean> {
  if (!job.messageId || !job.customerId) return false;
  const [where] = await tx
    .select({ conversationId: conversations.id, channelId: conversations.channelId, lastInboundAt: conversations.lastInboundAt })
    .from(messages)
    .innerJoin(conversations, and(eq(conversations.tenantId, messages.tenantId), eq(conversations.id, messages.conversationId)))
    .where(and(eq(messages.tenantId, job.tenantId), eq(messages.id, job.messageId)))
    .limit(1);
  if (!where || !isWindowOpen(where.lastInboundAt, options.now)) return false;
  await queueSystemMessages(
    tx,
    { tenantId: job.tenantId, conversationId: where.conversationId, channelId: where.channelId, customerId: job.customerId },
    [{ automation: 'ocr.reply', text }],
    { now: options.now, jobs: options.jobs },
  );
  return true;
}
