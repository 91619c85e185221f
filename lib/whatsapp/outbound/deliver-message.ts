import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { channels, customers, messages, templates } from '@/db/schema';
import { providerForChannel } from '@/lib/channels/provider-for-channel';
import { interactiveContentSchema } from '@/lib/whatsapp/interactive-content';
import { ProviderError, describeError, invalidRequest } from '@/lib/whatsapp/providers/errors';
import type { ButtonMessage } from '@/lib/whatsapp/providers/types';
import type { Recipient } from '@/lib/whatsapp/types';

// After this many tries a retryable error is final: the agent sees the failure.
const MAX_ATTEMPTS = 5;

async function loadPending(db: Database, tenantId: string, messageId: string) {
  const [row] = await db
    .select({ message: messages, customer: customers, channelType: channels.type })
    .from(messages)
    .innerJoin(customers, eq(customers.id, messages.customerId))
    .innerJoin(channels, eq(channels.id, messages.channelId))
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, messageId)))
    .limit(1);
  return row ?? null;
}

// The provider request for a template message: its name, language and body parameters.
async function templateRequest(db: Database, tenantId: string, content: Record<string, unknown>) {
  const id = typeof content.templateId === 'string' ? content.templateId : null;
  const [template] = id ? await db.select().from(templates).where(and(eq(templates.tenantId, tenantId), eq(templates.id, id))).limit(1) : [];
  if (!template) throw invalidRequest('The template was deleted before sending.');
  const parameters = Array.isArray(content.parameters) ? content.parameters.map(String) : [];
  const components = parameters.length > 0 ? [{ type: 'body' as const, parameters: parameters.map((text) => ({ type: 'text' as const, text })) }] : [];
  // Sandbox and wabot have no template registry: they send the filled-in body.
  return { name: template.name, language: template.language, components, localBody: template.body };
}

// Reply buttons as queueSystemMessages stored them.
function buttonRequest(text: string | null, content: Record<string, unknown>): ButtonMessage {
  const parsed = interactiveContentSchema.safeParse(content);
  if (!parsed.success) throw invalidRequest('The interactive message has no buttons to send.');
  return { body: text ?? '', buttons: parsed.data.interactive.buttons };
}

// The job behind 'whatsapp/message.send'. A message that already has a wamid, or is no longer
// pending, is never sent again.
export async function deliverOutboundMessage(db: Database, input: { tenantId: string; messageId: string }, attempt = 1): Promise<void> {
  const row = await loadPending(db, input.tenantId, input.messageId);
  if (!row || row.message.wamid || row.message.status !== 'pending') return;
  const { message, customer } = row;
  const to: Recipient = { waId: customer.waId, phone: customer.phone, userId: customer.waUserId };
  const where = and(eq(messages.tenantId, input.tenantId), eq(messages.id, message.id));
  try {
    const provider = await providerForChannel(db, { tenantId: input.tenantId, channelId: message.channelId });
    const result =
      message.type === 'template'
        ? await provider.sendTemplate(to, await templateRequest(db, input.tenantId, message.content))
        : message.type === 'interactive'
          ? await provider.sendButtons(to, buttonRequest(message.text, message.content))
          : await provider.sendText(to, message.text ?? '', { replyToWamid: message.replyToWamid ?? undefined });
    // Gateways without status webhooks never report 'sent'; the API's acceptance is all we get.
    await db.update(messages).set({ wamid: result.wamid, ...(row.channelType === 'wabot' ? { status: 'sent', sentAt: new Date() } : {}) }).where(where);
  } catch (error) {
    if (error instanceof ProviderError && error.retryable && attempt < MAX_ATTEMPTS) throw error;
    const code = error instanceof ProviderError ? error.code : null;
    const title = error instanceof ProviderError ? (code ? describeError(code) : error.message) : 'Sending failed unexpectedly.';
    await db.update(messages).set({ status: 'failed', failedAt: new Date(), errorCode: code, errorTitle: title }).where(where);
    if (!(error instanceof ProviderError)) throw error;
  }
}
