import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { conversations, customers } from '@/db/schema';
import { conversationSettings, replyLanguage } from '@/lib/automation/turn';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import { queueSystemMessages } from '@/lib/whatsapp/outbound/system-message';
import { isWindowOpen } from '@/lib/whatsapp/outbound/window';
import { consentButtons } from './keywords';
import { renderNotice } from './notices';
import { lockCustomerConsent } from './record';
import { consentReplies } from './replies';

export type ReminderOutcome = 'sent' | 'answered' | 'already_reminded' | 'window_closed';

// The job behind 'consent/reminder', scheduled when the notice went out. One reminder, only
// while the question is still pending and the customer's 24-hour window is open. It takes the
// customer's row lock, as the inbound pipeline does, so a STOP being handled at the same
// moment is either seen here (no reminder) or handled after the reminder was queued.
export async function sendConsentReminder(
  db: Database,
  input: { tenantId: string; customerId: string },
  options: { now?: Date; jobs?: JobClient } = {},
): Promise<ReminderOutcome> {
  return db.transaction(async (tx) => {
    const customer = await lockCustomerConsent(tx, input.tenantId, input.customerId);
    if (!customer || customer.consentStatus !== 'pending') return 'answered';
    if (customer.consentReminderSentAt) return 'already_reminded';
    // Read after the lock, so "now" is never older than a decision that was waiting for it.
    const now = options.now ?? new Date();
    const [conversation] = await tx
      .select({ id: conversations.id, channelId: conversations.channelId, lastInboundAt: conversations.lastInboundAt })
      .from(conversations)
      .where(and(eq(conversations.tenantId, input.tenantId), eq(conversations.customerId, customer.id)))
      .orderBy(sql`${conversations.lastInboundAt} desc nulls last`, desc(conversations.createdAt))
      .limit(1);
    if (!conversation || !isWindowOpen(conversation.lastInboundAt, now)) return 'window_closed';

    const settings = await conversationSettings(tx, input.tenantId);
    const language = replyLanguage({ customer, settings });
    await queueSystemMessages(
      tx,
      { tenantId: input.tenantId, conversationId: conversation.id, channelId: conversation.channelId, customerId: customer.id },
      [{ automation: 'consent.reminder', text: renderNotice(consentReplies.reminder[language], { name: customer.name, brand: settings.brandName }), buttons: consentButtons[language] }],
      { now, jobs: options.jobs ?? getJobClient() },
    );
    await tx
      .update(customers)
      .set({ consentReminderSentAt: now })
      .where(and(eq(customers.tenantId, input.tenantId), eq(customers.id, customer.id)));
    return 'sent';
  });
}
