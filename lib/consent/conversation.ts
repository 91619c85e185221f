import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { customers } from '@/db/schema';
import { type InboundTurn, type Step, replyLanguage, reply } from '@/lib/automation/turn';
import { profilePrompt } from '@/lib/customers/profile-replies';
import { type SystemMessage, queueSystemMessages } from '@/lib/whatsapp/outbound/system-message';
import { type ConsentReply, type ReplyLanguage, consentButtons, parseConsentButton, parseConsentText, parseQuickReply } from './keywords';
import { currentNotice, ensureDefaultNotice, renderNotice } from './notices';
import { recordConsentChange } from './record';
import { consentReplies } from './replies';

// The consent conversation (PDPA s.7 notice, s.38 withdrawal): steps of the inbound pipeline.

const WHATSAPP_BUTTON_BODY_MAX = 1024;

const tappedSchema = z.object({
  interactive: z.object({ id: z.string().nullish() }).optional(),
  button: z.object({ payload: z.string().nullish(), text: z.string().nullish() }).optional(),
});

// A tapped notice button, a template quick reply, or typed text.
export function consentReplyIn(message: InboundTurn['message']): { reply: ConsentReply; source: 'keyword' | 'button' } | null {
  const tapped = tappedSchema.safeParse(message.content);
  const content = tapped.success ? tapped.data : {};
  let found: ConsentReply | null = null;
  if (message.type === 'interactive') found = content.interactive?.id ? parseConsentButton(content.interactive.id) : null;
  else if (message.type === 'button') found = parseQuickReply(content.button?.payload ?? null, content.button?.text ?? message.text);
  else if (message.type === 'text' && message.text) return wrap(parseConsentText(message.text), 'keyword');
  return wrap(found, 'button');
}

function wrap(reply: ConsentReply | null, source: 'keyword' | 'button') {
  return reply ? { reply, source } : null;
}

const fill = (text: string, turn: InboundTurn) => renderNotice(text, { name: turn.customer.name, brand: turn.settings.brandName });

// YES/NO while the notice is pending; STOP, BERHENTI and START at any time. The decision is
// recorded with its evidence and answered in the language the customer used. A grant also
// asks for the profile (once). A repeated STOP or START changes nothing but is answered again.
export const consentKeywordStep: Step = async (tx, turn) => {
  const found = consentReplyIn(turn.message);
  if (!found) return 'continue';
  const { reply: answer, source } = found;
  const { customer } = turn;
  if (answer.kind === 'answer' && customer.consentStatus !== 'pending') return 'continue';

  const status = answer.intent === 'grant' ? 'granted' : 'withdrawn';
  if (customer.consentStatus !== status) {
    await recordConsentChange(tx, {
      tenantId: turn.tenantId,
      customerId: customer.id,
      status,
      source,
      keyword: answer.keyword,
      evidenceMessageId: turn.message.id,
      noticeVersion: customer.consentNoticeVersion,
      occurredAt: turn.now,
    });
  }
  if (answer.language && answer.language !== customer.language) {
    await tx.update(customers).set({ language: answer.language }).where(and(eq(customers.tenantId, turn.tenantId), eq(customers.id, customer.id)));
  }
  const language = replyLanguage(turn, answer.language);
  const confirmation = answer.intent === 'grant' ? 'granted' : answer.intent === 'decline' ? 'declined' : 'optedOut';
  const outgoing: SystemMessage[] = [{ automation: `consent.${confirmation}`, text: consentReplies[confirmation][language] }];
  const askProfile = status === 'granted' && !customer.profileRequestedAt;
  if (askProfile) outgoing.push({ automation: 'profile.prompt', text: profilePrompt[language] });
  const sent = await reply(tx, turn, outgoing);
  if (sent && askProfile) {
    await tx.update(customers).set({ profileRequestedAt: turn.now }).where(and(eq(customers.tenantId, turn.tenantId), eq(customers.id, customer.id)));
  }
  return 'consumed';
};

// The notice with the reply buttons of its language; plain text if a long name or brand
// pushed it past WhatsApp's limit for a message with buttons.
function noticeMessage(body: string, language: ReplyLanguage): SystemMessage {
  const buttons = body.length <= WHATSAPP_BUTTON_BODY_MAX ? consentButtons[language] : undefined;
  return { automation: 'consent.notice', text: body, buttons };
}

// First contact: a customer never asked gets the current notice in Malay and English and is
// pending; one reminder is scheduled. The message itself stays a normal message. Outside the
// 24-hour window nothing can be sent, so the customer stays unknown until they write again.
export const consentNoticeStep: Step = async (tx, turn) => {
  const { customer } = turn;
  if (customer.consentStatus !== 'unknown' || customer.consentRequestedAt || !turn.windowOpen) return 'continue';
  let notice = await currentNotice(tx, turn.tenantId);
  if (!notice) {
    await ensureDefaultNotice(tx, turn.tenantId);
    notice = await currentNotice(tx, turn.tenantId);
  }
  if (!notice) throw new Error(`tenant ${turn.tenantId} has no consent notice`);
  const [bmId] = await queueSystemMessages(
    tx,
    turn.conversation,
    [noticeMessage(fill(notice.bodyMs, turn), 'ms'), noticeMessage(fill(notice.bodyEn, turn), 'en')],
    { now: turn.now, jobs: turn.jobs },
  );
  await tx
    .update(customers)
    .set({ consentRequestedAt: turn.now, consentNoticeVersion: notice.version })
    .where(and(eq(customers.tenantId, turn.tenantId), eq(customers.id, customer.id)));
  await recordConsentChange(tx, {
    tenantId: turn.tenantId,
    customerId: customer.id,
    status: 'pending',
    source: 'notice',
    evidenceMessageId: bmId ?? null,
    noticeVersion: notice.version,
    occurredAt: turn.now,
  });
  // Settings keep the delay within 1–23 h; clamped again so the reminder stays in the window.
  const hours = Math.min(Math.max(turn.settings.consentReminderHours, 1), 23);
  await turn.jobs.send(
    {
      name: 'consent/reminder',
      data: { tenantId: turn.tenantId, customerId: customer.id },
      runAt: new Date(turn.now.getTime() + hours * 3_600_000),
      dedupeKey: `consent.reminder:${customer.id}`,
    },
    { db: tx },
  );
  return 'continue';
};
