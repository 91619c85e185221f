import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Contest, contestWinners, conversations, customers, templates } from '@/db/schema';
import type { TenantConversationSettings } from '@/lib/automation/turn';
import type { JobClient } from '@/lib/jobs/client';
import { languageFor } from '@/lib/ocr-jobs/notify';
import type { TenantContext } from '@/lib/tenants/context';
import { queueOutboundMessage } from '@/lib/whatsapp/outbound/queue-message';
import { queueSystemMessages } from '@/lib/whatsapp/outbound/system-message';
import { isWindowOpen, templateParameterCount } from '@/lib/whatsapp/outbound/window';
import { winnerText } from './replies';

// The approved template winners get when their 24-hour window is closed: named
// contest_winner, with three parameters — {{1}} contest, {{2}} prize, {{3}} claim instructions.
export const WINNER_TEMPLATE_NAME = 'contest_winner';

interface WinnerRow {
  id: string;
  customerId: string;
  prize: string;
}

async function winnerTemplate(db: Database, tenantId: string, channelId: string, language: 'ms' | 'en') {
  const rows = await db
    .select({ id: templates.id, body: templates.body, language: templates.language })
    .from(templates)
    .where(
      and(
        eq(templates.tenantId, tenantId),
        eq(templates.name, WINNER_TEMPLATE_NAME),
        eq(templates.status, 'approved'),
        or(eq(templates.channelId, channelId), isNull(templates.channelId)),
      ),
    );
  const usable = rows.filter((t) => templateParameterCount(t.body) === 3);
  return usable.find((t) => t.language === language) ?? usable[0] ?? null;
}

// Tells each winner, in their language: the seed's "You Won!" text while their window is open,
// else the approved contest_winner template. A winner who cannot be reached (no conversation,
// anonymised, no such template) stays 'pending' for the team to contact. Returns how many were
// notified.
export async function notifyWinners(
  tx: Database,
  ctx: TenantContext,
  contest: Pick<Contest, 'id' | 'name' | 'claimInstructions'>,
  winners: readonly WinnerRow[],
  options: { now: Date; jobs: JobClient; settings: TenantConversationSettings },
): Promise<number> {
  if (winners.length === 0) return 0;
  const people = await tx
    .select({ id: customers.id, language: customers.language, anonymizedAt: customers.anonymizedAt })
    .from(customers)
    .where(and(eq(customers.tenantId, ctx.tenantId), inArray(customers.id, [...new Set(winners.map((w) => w.customerId))])));
  const byId = new Map(people.map((p) => [p.id, p]));
  let notified = 0;
  for (const winner of winners) {
    const person = byId.get(winner.customerId);
    if (!person || person.anonymizedAt) continue;
    const [conversation] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.tenantId, ctx.tenantId), eq(conversations.customerId, winner.customerId)))
      .orderBy(desc(conversations.lastInboundAt))
      .limit(1);
    if (!conversation) continue;
    const language = languageFor(person, options.settings);
    let messageId: string | null = null;
    if (isWindowOpen(conversation.lastInboundAt, options.now)) {
      const to = { tenantId: ctx.tenantId, conversationId: conversation.id, channelId: conversation.channelId, customerId: winner.customerId };
      [messageId = null] = await queueSystemMessages(tx, to, [{ automation: 'contest.winner', text: winnerText(language, contest, winner.prize, contest.claimInstructions) }], options);
    } else {
      const template = await winnerTemplate(tx, ctx.tenantId, conversation.channelId, language);
      if (!template) continue;
      const claim = contest.claimInstructions ?? (template.language === 'ms' ? 'Sila hubungi kami.' : 'Please contact us.');
      const message = await queueOutboundMessage(tx, ctx, winner.customerId, { templateId: template.id, parameters: [contest.name, winner.prize, claim] }, options.jobs);
      messageId = message.id;
    }
    if (!messageId) continue;
    await tx
      .update(contestWinners)
      .set({ claimStatus: 'notified', notificationMessageId: messageId, notifiedAt: options.now })
      .where(and(eq(contestWinners.tenantId, ctx.tenantId), eq(contestWinners.id, winner.id)));
    notified += 1;
  }
  return notified;
}
