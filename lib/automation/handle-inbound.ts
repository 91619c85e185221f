import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Database } from '@/db';
import { conversations, type Message, messages } from '@/db/schema';
import { consentKeywordStep, consentNoticeStep } from '@/lib/consent/conversation';
import { lockCustomerConsent } from '@/lib/consent/record';
import { contestStep } from '@/lib/contests/entry-step';
import { profileStep } from '@/lib/customers/profile-step';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import type { JobEventData } from '@/lib/jobs/events';
import { ocrStep } from '@/lib/ocr-jobs/queue';
import { isWindowOpen } from '@/lib/whatsapp/outbound/window';
import { type InboundTurn, type Step, type TenantConversationSettings, conversationSettings } from './turn';

// The conversation automations, in order. A step that consumes a message ends its turn, so a
// "YA" that answered the notice is never also read as something else. Contest keywords come
// after consent (a consent answer is never an entry; keywords cannot be consent words) and
// before the profile. Images and PDFs go to OCR last (after the notice a first message gets).
const steps: readonly Step[] = [consentKeywordStep, consentNoticeStep, contestStep, profileStep, ocrStep];

// Earlier messages still waiting are handled first, but only from the last day: messages
// stored before automations existed are never replayed.
const CATCH_UP_MS = 24 * 60 * 60 * 1000;

export interface HandleInboundOptions {
  jobs?: JobClient;
  // When the automations act on a message; now by default. The demo seed replays history at
  // each message's own time.
  clock?: (message: { createdAt: Date }) => Date;
}

type Inbound = Pick<Message, 'id' | 'type' | 'text' | 'content' | 'createdAt' | 'conversationId' | 'channelId' | 'customerId'>;

const inboundColumns = {
  id: messages.id,
  type: messages.type,
  text: messages.text,
  content: messages.content,
  createdAt: messages.createdAt,
  conversationId: messages.conversationId,
  channelId: messages.channelId,
  customerId: messages.customerId,
  handledAt: messages.handledAt,
};

// The job behind 'whatsapp/message.received': the new messages of one webhook batch, each
// customer in a transaction of its own. Newest first: a customer's newest message handles the
// earlier ones with it, so theirs find nothing left. A customer that fails does not hold back
// the others; the job is retried for it (handled messages are skipped).
export async function handleInboundMessages(db: Database, input: JobEventData<'whatsapp/message.received'>, options: HandleInboundOptions = {}): Promise<void> {
  const ids = 'messageIds' in input ? input.messageIds : [input.messageId];
  const waiting = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.tenantId, input.tenantId), inArray(messages.id, ids), eq(messages.direction, 'inbound'), isNull(messages.handledAt)))
    .orderBy(desc(messages.createdAt), desc(messages.id));
  let firstError: unknown;
  for (const { id } of waiting) {
    try {
      await handleInboundMessage(db, { tenantId: input.tenantId, messageId: id }, options);
    } catch (error) {
      firstError ??= error;
    }
  }
  if (firstError) throw firstError;
}

// One message (and the same customer's earlier ones still waiting). Under the customer's row lock (which the consent
// reminder also takes) it handles this message and any earlier one of the same customer not
// yet handled, oldest first, and marks each handled in the same transaction: a retry or a
// duplicate job finds nothing left to do, and "YA" cannot overtake the "hello" before it.
export async function handleInboundMessage(db: Database, input: { tenantId: string; messageId: string }, options: HandleInboundOptions = {}): Promise<void> {
  const jobs = options.jobs ?? getJobClient();
  await db.transaction(async (tx) => {
    const [target] = await tx
      .select(inboundColumns)
      .from(messages)
      .where(and(eq(messages.tenantId, input.tenantId), eq(messages.id, input.messageId), eq(messages.direction, 'inbound')))
      .limit(1);
    if (!target || target.handledAt) return;
    if (!(await lockCustomerConsent(tx, input.tenantId, target.customerId))) return;
    const waiting = await tx
      .select(inboundColumns)
      .from(messages)
      .where(
        and(
          eq(messages.tenantId, input.tenantId),
          eq(messages.customerId, target.customerId),
          eq(messages.direction, 'inbound'),
          isNull(messages.handledAt),
          lte(messages.createdAt, target.createdAt),
          gte(messages.createdAt, new Date(target.createdAt.getTime() - CATCH_UP_MS)),
        ),
      )
      .orderBy(asc(messages.createdAt), asc(messages.id));
    const settings = await conversationSettings(tx, input.tenantId);
    for (const message of waiting) {
      await handleOne(tx, input.tenantId, message, { jobs, settings, now: options.clock?.(message) ?? new Date() });
    }
  });
}

async function handleOne(tx: Database, tenantId: string, message: Inbound, deps: { jobs: JobClient; settings: TenantConversationSettings; now: Date }): Promise<void> {
  // Re-read for every message: the one before may have changed the consent status.
  const customer = await lockCustomerConsent(tx, tenantId, message.customerId);
  const [conversation] = await tx
    .select({ lastInboundAt: conversations.lastInboundAt })
    .from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, message.conversationId)))
    .limit(1);
  if (customer && conversation) {
    const turn: InboundTurn = {
      tenantId,
      now: deps.now,
      jobs: deps.jobs,
      message,
      conversation: { tenantId, conversationId: message.conversationId, channelId: message.channelId, customerId: message.customerId },
      windowOpen: isWindowOpen(conversation.lastInboundAt, deps.now),
      customer,
      settings: deps.settings,
    };
    for (const step of steps) {
      if ((await step(tx, turn)) === 'consumed') break;
    }
  }
  await tx.update(messages).set({ handledAt: deps.now }).where(and(eq(messages.tenantId, tenantId), eq(messages.id, message.id)));
}
