import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { channels, conversations, customers, messages, templates } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import type { TenantContext } from '@/lib/tenants/context';
import { isWindowOpen, renderTemplateBody, templateParameterCount } from './window';

export const outboundInputSchema = z.union([
  z.object({ text: z.string().trim().min(1, 'Write a message.').max(4096, 'WhatsApp allows at most 4,096 characters.') }),
  z.object({ templateId: z.uuid(), parameters: z.array(z.string().trim().min(1).max(1024)).max(20).default([]) }),
]);
export type OutboundInput = z.infer<typeof outboundInputSchema>;

// The conversation to answer in: the customer's latest one, else a new one on the tenant's
// first channel (a customer who never wrote can only get a template).
async function conversationFor(db: Database, ctx: TenantContext, customerId: string) {
  const [latest] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.tenantId, ctx.tenantId), eq(conversations.customerId, customerId)))
    .orderBy(desc(conversations.lastMessageAt))
    .limit(1);
  if (latest) return latest;
  const [channel] = await db.select({ id: channels.id }).from(channels).where(eq(channels.tenantId, ctx.tenantId)).orderBy(asc(channels.createdAt)).limit(1);
  if (!channel) throw new AppError('conflict', 'Connect a WhatsApp channel first (Settings → WhatsApp).');
  const [created] = await db
    .insert(conversations)
    .values({ tenantId: ctx.tenantId, channelId: channel.id, customerId })
    .onConflictDoUpdate({ target: [conversations.channelId, conversations.customerId], set: { customerId } })
    .returning();
  if (!created) throw new Error('conversation insert returned nothing');
  return created;
}

async function renderInput(db: Database, ctx: TenantContext, input: OutboundInput, windowOpen: boolean) {
  if ('text' in input) {
    if (!windowOpen) {
      throw AppError.field('conflict', 'text', 'The 24-hour window is closed: the customer has not written in the last 24 hours. Send an approved template instead.');
    }
    return { type: 'text' as const, text: input.text, content: {} };
  }
  const [template] = await db.select().from(templates).where(and(eq(templates.tenantId, ctx.tenantId), eq(templates.id, input.templateId))).limit(1);
  if (!template) throw AppError.field('not_found', 'templateId', 'No such template.');
  if (template.status !== 'approved') throw AppError.field('conflict', 'templateId', `The template “${template.name}” is ${template.status}, not approved.`);
  const needed = templateParameterCount(template.body);
  if (input.parameters.length !== needed) throw AppError.field('validation', 'parameters', `The template needs ${needed} parameter(s); ${input.parameters.length} given.`);
  return {
    type: 'template' as const,
    text: renderTemplateBody(template.body, input.parameters),
    content: { templateId: template.id, name: template.name, language: template.language, parameters: input.parameters },
  };
}

// Records the outbound message as pending and queues its delivery; the job talks to the
// provider. Free-form text only inside the 24-hour window.
export async function queueOutboundMessage(db: Database, ctx: TenantContext, customerId: string, input: OutboundInput, jobs: JobClient = getJobClient()) {
  const [customer] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, customerId))).limit(1);
  if (!customer) throw new AppError('not_found', 'No customer with that id.');
  const conversation = await conversationFor(db, ctx, customerId);
  const rendered = await renderInput(db, ctx, input, isWindowOpen(conversation.lastInboundAt));
  return db.transaction(async (tx) => {
    const [message] = await tx
      .insert(messages)
      .values({
        tenantId: ctx.tenantId,
        channelId: conversation.channelId,
        conversationId: conversation.id,
        customerId,
        direction: 'outbound',
        status: 'pending',
        sentByUserId: ctx.userId,
        ...rendered,
      })
      .returning();
    if (!message) throw new Error('message insert returned nothing');
    await tx
      .update(customers)
      .set({ outboundCount: sql`${customers.outboundCount} + 1`, lastInteractionAt: message.createdAt })
      .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, customerId)));
    await tx
      .update(conversations)
      .set({ lastMessageAt: message.createdAt, lastMessagePreview: message.text, unreadCount: 0, updatedAt: new Date() })
      .where(and(eq(conversations.tenantId, ctx.tenantId), eq(conversations.id, conversation.id)));
    await jobs.send({ name: 'whatsapp/message.send', data: { tenantId: ctx.tenantId, messageId: message.id }, dedupeKey: `message.send:${message.id}` }, { db: tx });
    return message;
  });
}
