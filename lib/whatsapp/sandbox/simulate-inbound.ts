import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { messages } from '@/db/schema';
import { toE164 } from '@/lib/customers/phone';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { JobClient } from '@/lib/jobs/client';
import type { TenantContext } from '@/lib/tenants/context';
import { formatBytes, limitFor } from '@/lib/whatsapp/media/policy';
import { type SandboxChannel, postToWebhook, sandboxChannel } from './channel';
import { putSandboxMedia } from './media-store';
import { type SimulatedMessage, inboundMessagePayload } from './payloads';

// WhatsApp sends images as JPEG or PNG; documents may be any file, checked by the media job.
const SIMULATOR_IMAGE_TYPES = ['image/jpeg', 'image/png'] as const;

const mediaMessage = <T extends 'image' | 'document'>(type: T) =>
  z.object({
    type: z.literal(type),
    fileName: z.string().trim().min(1, 'The file has no name.').max(240, 'Use a file name of at most 240 characters.'),
    mimeType: z.string().trim().min(3).max(200),
    bytes: z.instanceof(Buffer),
    caption: z.string().trim().max(1024, 'WhatsApp allows at most 1,024 characters in a caption.').optional(),
  });

const simulatedMessageInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().trim().min(1, 'Write a message.').max(4096, 'WhatsApp allows at most 4,096 characters.') }),
  mediaMessage('image'),
  mediaMessage('document'),
  z.object({ type: z.literal('button_reply'), replyToWamid: z.string().min(1).max(200), id: z.string().min(1).max(256), title: z.string().min(1).max(60) }),
]);

const simulatedPhoneSchema = z
  .string({ error: 'Enter a phone number.' })
  .trim()
  .transform((value, ctx) => {
    const phone = toE164(value);
    if (!phone) ctx.addIssue({ code: 'custom', message: 'Enter a valid phone number, e.g. +60123456789.' });
    return phone ?? '';
  });

const simulateInboundSchema = z.object({
  phone: simulatedPhoneSchema,
  profileName: z.string().trim().max(100, 'Use at most 100 characters.').nullish(),
  message: simulatedMessageInputSchema,
});
export type SimulateInboundInput = z.input<typeof simulateInboundSchema>;

async function toSimulatedMessage(db: Database, tenantId: string, channel: SandboxChannel, message: z.infer<typeof simulatedMessageInputSchema>): Promise<SimulatedMessage> {
  switch (message.type) {
    case 'text':
      return message;
    case 'image':
    case 'document': {
      const limit = limitFor(message.type, getEnv().MEDIA_MAX_BYTES);
      if (message.bytes.length === 0) throw AppError.field('validation', 'file', 'The file is empty.');
      if (message.bytes.length > limit) throw AppError.field('validation', 'file', `WhatsApp takes ${message.type}s up to ${formatBytes(limit)}.`);
      const imageTypes: readonly string[] = SIMULATOR_IMAGE_TYPES;
      if (message.type === 'image' && !imageTypes.includes(message.mimeType)) {
        throw AppError.field('validation', 'file', 'WhatsApp images are JPEG or PNG; send other files as a document.');
      }
      const stored = await putSandboxMedia(tenantId, message);
      return { type: message.type, mimeType: message.mimeType, fileName: message.type === 'document' ? message.fileName : undefined, caption: message.caption || undefined, ...stored };
    }
    case 'button_reply': {
      const [target] = await db
        .select({ type: messages.type })
        .from(messages)
        .where(and(eq(messages.tenantId, tenantId), eq(messages.channelId, channel.id), eq(messages.direction, 'outbound'), eq(messages.wamid, message.replyToWamid)))
        .limit(1);
      if (!target) throw AppError.field('not_found', 'replyToWamid', 'The sandbox sent no message with that wamid.');
      // A template's quick reply comes back as type "button"; an interactive message's as button_reply.
      return target.type === 'template'
        ? { type: 'button', replyToWamid: message.replyToWamid, payload: message.id, text: message.title }
        : { type: 'button_reply', replyToWamid: message.replyToWamid, id: message.id, title: message.title };
    }
  }
}

// A customer writes to the tenant's sandbox number: the message becomes a signed,
// Cloud-API-shaped webhook delivery through the real ingest path. `at` back-dates it (seeding).
export async function simulateInbound(
  db: Database,
  ctx: Pick<TenantContext, 'tenantId'>,
  input: SimulateInboundInput,
  options: { jobs?: JobClient; at?: Date } = {},
): Promise<{ wamid: string; phone: string }> {
  const parsed = simulateInboundSchema.parse(input);
  const channel = await sandboxChannel(db, ctx.tenantId);
  const message = await toSimulatedMessage(db, ctx.tenantId, channel, parsed.message);
  const wamid = `wamid.sandbox.${randomUUID()}`;
  const customer = { waId: parsed.phone.slice(1), profileName: parsed.profileName || null };
  await postToWebhook(db, channel, inboundMessagePayload(channel, customer, message, { wamid, at: options.at ?? new Date() }), options.jobs);
  return { wamid, phone: parsed.phone };
}
