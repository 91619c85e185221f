import { z } from 'zod';

// Every background event, with its payload schema. Payloads always carry tenantId.
export const jobEvents = {
  'tenant/provision': z.object({ tenantId: z.uuid() }),
  'whatsapp/message.send': z.object({ tenantId: z.uuid(), messageId: z.uuid() }),
  // Stored webhook deliveries to process together (one micro-batch of the webhook's fast path).
  'whatsapp/webhook.received': z.object({ tenantId: z.uuid(), webhookEventIds: z.array(z.uuid()).min(1).max(500) }),
  // New inbound messages were stored (one job per processed webhook batch): run the
  // conversation automations (consent, profile, …). `messageId` is the one-message form jobs
  // queued before batching still carry.
  'whatsapp/message.received': z.union([
    z.object({ tenantId: z.uuid(), messageIds: z.array(z.uuid()).min(1).max(500) }),
    z.object({ tenantId: z.uuid(), messageId: z.uuid() }),
  ]),
  // Meta's user_preferences webhook: the customer stopped or resumed marketing messages.
  'consent/marketing-preference': z.object({
    tenantId: z.uuid(),
    customerId: z.uuid(),
    preference: z.enum(['stop', 'resume']),
    occurredAt: z.iso.datetime(),
  }),
  // The one consent reminder, scheduled when the notice went out (lib/consent/reminder).
  'consent/reminder': z.object({ tenantId: z.uuid(), customerId: z.uuid() }),
  'whatsapp/media.fetch': z.object({ tenantId: z.uuid(), mediaId: z.uuid() }),
  // A photo or PDF to read (lib/ocr-jobs): queued once its file is stored.
  'ocr/document.received': z.object({ tenantId: z.uuid(), ocrJobId: z.uuid() }),
  'whatsapp/sandbox.statuses': z.object({
    tenantId: z.uuid(),
    channelId: z.uuid(),
    wamid: z.string().min(1),
    recipientWaId: z.string().min(1),
    pricing: z.object({
      billable: z.boolean(),
      type: z.enum(['regular', 'free_customer_service']),
      category: z.enum(['marketing', 'utility', 'authentication', 'service']),
    }),
  }),
  'whatsapp/templates.sync': z.object({ tenantId: z.uuid(), channelId: z.uuid() }),
  // The tenant's PDPA retention schedule for one Malaysian calendar day (lib/pdpa/retention).
  'pdpa/retention.daily': z.object({ tenantId: z.uuid(), day: z.iso.date() }),
  // A campaign's start (now, or at scheduledAt): fan-out, then dispatch (lib/campaigns/jobs).
  'campaigns/launch': z.object({ tenantId: z.uuid(), campaignId: z.uuid(), origin: z.url().optional() }),
  // One paced run over a running campaign's queued recipients; it queues the next run itself.
  'campaigns/dispatch': z.object({ tenantId: z.uuid(), campaignId: z.uuid(), origin: z.url().optional() }),
  // Automated campaigns: birthdays and quiet customers for one Malaysian calendar day (lib/campaigns/trigger-schedule).
  'campaigns/triggers.daily': z.object({ tenantId: z.uuid(), day: z.iso.date() }),
  // Loyalty tiers on the last-12-months basis, for one Malaysian calendar day (lib/purchases/tier-schedule).
  'purchases/tiers.daily': z.object({ tenantId: z.uuid(), day: z.iso.date() }),
  // A tenant's analytics rollups recounted, once an hour (lib/analytics/refresh-schedule).
  'analytics/refresh': z.object({ tenantId: z.uuid(), hour: z.iso.datetime() }),
} as const;

export type JobEventName = keyof typeof jobEvents;
export type JobEventData<N extends JobEventName> = z.infer<(typeof jobEvents)[N]>;

export interface JobEvent<N extends JobEventName = JobEventName> {
  name: N;
  data: JobEventData<N>;
  // Run no earlier than this.
  runAt?: Date;
  // Sending the same key twice queues one job.
  dedupeKey?: string;
}
