import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { channels, webhookEvents } from '@/db/schema';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import type { JobEvent } from '@/lib/jobs/events';
import { logger } from '@/lib/logger';
import { parseWebhookPayload } from '@/lib/whatsapp/webhook/parse';
import { applyStatus } from './apply-status';
import { type RecordedInbound, recordInboundMessage, upsertCustomerFromContact } from './record-inbound';

// A status for a wamid we have not stored yet is most likely racing our own send; retry the
// delivery for this long before giving up on it.
const UNMATCHED_STATUS_RETRY_MS = 2 * 60_000;

export class UnmatchedStatusError extends Error {
  constructor(readonly wamids: string[]) {
    super(`statuses for unknown messages: ${wamids.join(', ')}`);
  }
}

export interface DeliveryResult {
  inbound: RecordedInbound[];
  statusesApplied: number;
  unmatchedStatuses: string[];
}

// Processes one stored webhook delivery (the job behind POST /api/webhooks/whatsapp).
// Idempotent: running it again stores nothing twice and moves no status backwards.
export async function processWebhookDelivery(
  db: Database,
  input: { tenantId: string; webhookEventId: string },
  jobs: JobClient = getJobClient(),
): Promise<DeliveryResult> {
  const [row] = await db
    .select({ event: webhookEvents, phoneNumberId: channels.phoneNumberId })
    .from(webhookEvents)
    .innerJoin(channels, eq(channels.id, webhookEvents.channelId))
    .where(and(eq(webhookEvents.tenantId, input.tenantId), eq(webhookEvents.id, input.webhookEventId)))
    .limit(1);
  if (!row?.event.channelId) throw new Error(`webhook event ${input.webhookEventId} not found`);
  const channel = { id: row.event.channelId, tenantId: input.tenantId };
  const result: DeliveryResult = { inbound: [], statusesApplied: 0, unmatchedStatuses: [] };

  // One transaction per delivery: its messages, counters and media jobs commit together.
  // (Committing with synchronous_commit off was measured: no gain, processing is CPU-bound.)
  await db.transaction(async (tx) => {
    const preferences: JobEvent<'consent/marketing-preference'>[] = [];
    for (const event of parseWebhookPayload(row.event.payload).events) {
      // A delivery can carry several numbers; this stored event belongs to one channel.
      if (event.phoneNumberId !== row.phoneNumberId) continue;
      if (event.kind === 'message') {
        result.inbound.push(await recordInboundMessage(tx, channel, event.contact, event.message));
      } else if (event.kind === 'status') {
        if (await applyStatus(tx, channel, event.status)) result.statusesApplied += 1;
        else result.unmatchedStatuses.push(event.status.wamid);
      } else if (event.kind === 'marketing_preference') {
        const customerId = await upsertCustomerFromContact(tx, input.tenantId, event.contact);
        preferences.push({
          name: 'consent/marketing-preference',
          data: { tenantId: input.tenantId, customerId, preference: event.preference, occurredAt: event.timestamp.toISOString() },
          dedupeKey: `marketing-preference:${row.event.id}:${customerId}`,
        });
      }
    }
    // Queued with the messages, so a retry (which finds them stored) cannot miss their jobs.
    const created = result.inbound.filter((r) => r.created);
    await jobs.sendMany(
      [
        ...created.flatMap((r) =>
          r.mediaId ? [{ name: 'whatsapp/media.fetch' as const, data: { tenantId: input.tenantId, mediaId: r.mediaId }, dedupeKey: `media:${r.mediaId}` }] : [],
        ),
        ...created.flatMap((r) =>
          r.messageId ? [{ name: 'whatsapp/message.received' as const, data: { tenantId: input.tenantId, messageId: r.messageId }, dedupeKey: `received:${r.messageId}` }] : [],
        ),
        ...preferences,
      ],
      { db: tx },
    );
  });

  const young = Date.now() - row.event.receivedAt.getTime() < UNMATCHED_STATUS_RETRY_MS;
  if (result.unmatchedStatuses.length > 0 && young) throw new UnmatchedStatusError(result.unmatchedStatuses);
  if (result.unmatchedStatuses.length > 0) {
    logger.warn({ webhookEventId: row.event.id, count: result.unmatchedStatuses.length }, 'statuses for unknown messages dropped');
  }
  await db
    .update(webhookEvents)
    .set({ processedAt: new Date(), error: result.unmatchedStatuses.length > 0 ? `unmatched statuses: ${result.unmatchedStatuses.length}` : null })
    .where(and(eq(webhookEvents.tenantId, input.tenantId), eq(webhookEvents.id, row.event.id)));
  return result;
}
