import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { channels, webhookEvents } from '@/db/schema';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import type { JobEvent } from '@/lib/jobs/events';
import { logger } from '@/lib/logger';
import { parseWebhookPayload } from '@/lib/whatsapp/webhook/parse';
import type { InboundContact } from '@/lib/whatsapp/types';
import { type ChannelStatus, applyStatuses } from './apply-status';
import { type InboundToRecord, recordInboundMessages } from './record-inbound';
import { recordset } from './recordset';
import { touchCustomers, upsertCustomers } from './upsert-customers';

// A status for a wamid we have not stored yet is most likely racing our own send; retry the
// delivery for this long before giving up on it.
const UNMATCHED_STATUS_RETRY_MS = 2 * 60_000;
// The most messages one automations job takes (the event's limit).
const RECEIVED_JOB_SIZE = 500;

const chunk = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export class UnmatchedStatusError extends Error {
  constructor(readonly wamids: string[]) {
    super(`statuses for unknown messages: ${wamids.join(', ')}`);
  }
}

export interface DeliveriesResult {
  processed: number;
  // New inbound messages stored.
  created: number;
  statusesApplied: number;
  // Wamids of statuses that matched no outbound message and whose deliveries are still young:
  // they stay unprocessed and are retried.
  waiting: string[];
}

const noResult: DeliveriesResult = { processed: 0, created: 0, statusesApplied: 0, waiting: [] };
const add = (a: DeliveriesResult, b: DeliveriesResult): DeliveriesResult => ({
  processed: a.processed + b.processed,
  created: a.created + b.created,
  statusesApplied: a.statusesApplied + b.statusesApplied,
  waiting: [...a.waiting, ...b.waiting],
});

interface StoredDelivery {
  id: string;
  channelId: string;
  phoneNumberId: string | null;
  payload: unknown;
  receivedAt: Date;
}

interface Parsed {
  delivery: StoredDelivery;
  inbound: { contact: InboundContact; message: InboundToRecord['message'] }[];
  statuses: ChannelStatus[];
  preferences: { contact: InboundContact; preference: 'stop' | 'resume'; timestamp: Date }[];
}

function parse(delivery: StoredDelivery): Parsed {
  const parsed: Parsed = { delivery, inbound: [], statuses: [], preferences: [] };
  for (const event of parseWebhookPayload(delivery.payload).events) {
    // A delivery can carry several numbers; this stored event belongs to one channel.
    if (event.phoneNumberId !== delivery.phoneNumberId) continue;
    if (event.kind === 'message') parsed.inbound.push({ contact: event.contact, message: event.message });
    else if (event.kind === 'status') parsed.statuses.push({ channelId: delivery.channelId, update: event.status });
    else if (event.kind === 'marketing_preference') parsed.preferences.push(event);
  }
  return parsed;
}

// Processes stored webhook deliveries (the job behind POST /api/webhooks/whatsapp) with a
// few set-based statements for the whole batch instead of a dozen per delivery. Idempotent:
// running it again stores nothing twice and moves no status backwards. Deliveries already
// processed are skipped, so a retry only redoes what is left.
export async function processWebhookDeliveries(
  db: Database,
  input: { tenantId: string; webhookEventIds: string[] },
  jobs: JobClient = getJobClient(),
): Promise<DeliveriesResult> {
  const rows = await db
    .select({ id: webhookEvents.id, channelId: channels.id, phoneNumberId: channels.phoneNumberId, payload: webhookEvents.payload, receivedAt: webhookEvents.receivedAt, processedAt: webhookEvents.processedAt })
    .from(webhookEvents)
    .innerJoin(channels, and(eq(channels.tenantId, input.tenantId), eq(channels.id, webhookEvents.channelId)))
    .where(and(eq(webhookEvents.tenantId, input.tenantId), inArray(webhookEvents.id, input.webhookEventIds)));
  // With Inngest the event may outrun the commit that stored the delivery: fail, and be retried.
  const found = new Set(rows.map((r) => r.id));
  const missing = input.webhookEventIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw new Error(`webhook events not found: ${missing.join(', ')}`);
  // In arrival order: a micro-batch shares one received_at, and its ids come in the order stored.
  const position = new Map(input.webhookEventIds.map((id, i) => [id, i]));
  const pending: StoredDelivery[] = rows
    .filter((r) => r.processedAt === null)
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));

  let result = noResult;
  try {
    result = await processBatch(db, input.tenantId, pending, jobs);
  } catch (error) {
    if (pending.length <= 1) throw error;
    // One bad delivery must not hold back the others: one by one, and the failures are retried.
    let firstError: unknown;
    for (const delivery of pending) {
      try {
        result = add(result, await processBatch(db, input.tenantId, [delivery], jobs));
      } catch (e) {
        firstError ??= e;
      }
    }
    if (firstError) throw firstError;
  }
  if (result.waiting.length > 0) throw new UnmatchedStatusError(result.waiting);
  return result;
}

// One transaction: messages, counters, statuses, their jobs and the processed marks commit
// together. Deliveries with unknown statuses that are still young stay unprocessed (their
// messages and other statuses are stored) so the retry looks again.
// (Committing with synchronous_commit off was measured: no gain, processing is CPU-bound.)
async function processBatch(db: Database, tenantId: string, deliveries: StoredDelivery[], jobs: JobClient): Promise<DeliveriesResult> {
  if (deliveries.length === 0) return noResult;
  const batch = deliveries.map(parse);
  return db.transaction(async (tx) => {
    const inbound = batch.flatMap((p) => p.inbound.map((i) => ({ ...i, channelId: p.delivery.channelId })));
    const preferences = batch.flatMap((p) => p.preferences.map((pref) => ({ ...pref, deliveryId: p.delivery.id })));
    const idOf = await upsertCustomers(tx, tenantId, [...inbound.map((i) => i.contact), ...preferences.map((p) => p.contact)]);
    const recorded = await recordInboundMessages(tx, tenantId, inbound.map((i) => ({ channelId: i.channelId, customerId: idOf(i.contact), message: i.message })));
    const isNew = new Set(recorded.map((r) => r.message));
    await touchCustomers(tx, tenantId, idOf, [
      ...inbound.map((i) => ({ contact: i.contact, newMessageAt: isNew.has(i.message) ? i.message.timestamp : null })),
      ...preferences.map((p) => ({ contact: p.contact, newMessageAt: null })),
    ]);
    const matched = await applyStatuses(tx, tenantId, batch.flatMap((p) => p.statuses));

    // Queued with the messages, so a retry (which finds them stored) cannot miss their jobs.
    const queued: JobEvent[] = [
      ...recorded.flatMap((r) => (r.mediaId ? [{ name: 'whatsapp/media.fetch' as const, data: { tenantId, mediaId: r.mediaId }, dedupeKey: `media:${r.mediaId}` }] : [])),
      // One automations job for the batch's new messages (it was one per message: the job
      // overhead doubled the cost of an inbound message).
      ...chunk(recorded.map((r) => r.messageId), RECEIVED_JOB_SIZE).map((messageIds) => ({
        name: 'whatsapp/message.received' as const,
        data: { tenantId, messageIds },
        dedupeKey: `received:${messageIds[0]}`,
      })),
      ...preferences.map((p) => {
        const customerId = idOf(p.contact);
        return {
          name: 'consent/marketing-preference' as const,
          data: { tenantId, customerId, preference: p.preference, occurredAt: p.timestamp.toISOString() },
          dedupeKey: `marketing-preference:${p.deliveryId}:${customerId}`,
        };
      }),
    ];
    await jobs.sendMany(queued, { db: tx });

    const done: { id: string; error: string | null }[] = [];
    const waiting: string[] = [];
    for (const { delivery, statuses } of batch) {
      const unmatched = statuses.filter((s) => !matched.has(`${s.channelId} ${s.update.wamid}`)).map((s) => s.update.wamid);
      if (unmatched.length === 0) done.push({ id: delivery.id, error: null });
      else if (Date.now() - delivery.receivedAt.getTime() < UNMATCHED_STATUS_RETRY_MS) waiting.push(...unmatched);
      else done.push({ id: delivery.id, error: `unmatched statuses: ${unmatched.length}` });
    }
    const dropped = done.filter((d) => d.error !== null).length;
    if (dropped > 0) logger.warn({ webhookEventIds: done.filter((d) => d.error).map((d) => d.id), count: dropped }, 'statuses for unknown messages dropped');
    if (done.length > 0) {
      const v = recordset(done, { id: 'uuid', error: 'text' });
      await tx
        .update(webhookEvents)
        .set({ processedAt: sql`now()`, error: sql`${v.col('error')}` })
        .from(v.table)
        .where(and(eq(webhookEvents.tenantId, tenantId), inArray(webhookEvents.id, done.map((d) => d.id)), sql`${webhookEvents.id} = ${v.col('id')}`, isNull(webhookEvents.processedAt)));
    }
    const statusesApplied = batch.reduce((n, p) => n + p.statuses.filter((s) => matched.has(`${s.channelId} ${s.update.wamid}`)).length, 0);
    return { processed: done.length, created: recorded.length, statusesApplied, waiting };
  });
}
