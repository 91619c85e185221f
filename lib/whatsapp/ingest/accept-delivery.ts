import type { Database } from '@/db';
import { webhookEvents } from '@/db/schema';
import { type ChannelForWebhook, channelForWebhook } from '@/lib/channels/webhook-lookup';
import { createMicroBatcher } from '@/lib/batching/micro-batcher';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import { processRateMeter } from '@/lib/metrics/rate-meter';
import { verifySignature } from '@/lib/whatsapp/webhook/signature';

export type DeliveryOutcome =
  | { status: 200; stored: number; ignored: number }
  | { status: 400; reason: string }
  | { status: 401; reason: string };

type Json = Record<string, unknown>;

interface StoredEvent {
  tenantId: string;
  channelId: string;
  payload: unknown;
}

// Deliveries arriving within a few milliseconds share one INSERT and one commit (see
// createMicroBatcher): at Meta's status-webhook rates one fsync per delivery is the limit.
const stores = new WeakMap<Database, WeakMap<JobClient, (event: StoredEvent) => Promise<void>>>();

function eventStore(db: Database, jobs: JobClient): (event: StoredEvent) => Promise<void> {
  const byJobs = stores.get(db) ?? new WeakMap();
  stores.set(db, byJobs);
  let store = byJobs.get(jobs);
  if (!store) {
    store = createMicroBatcher(
      (events: StoredEvent[]) =>
        db.transaction(async (tx) => {
          const rows = await tx.insert(webhookEvents).values(events).returning({ id: webhookEvents.id, tenantId: webhookEvents.tenantId });
          // One processing job per tenant for the whole batch (see processWebhookDeliveries).
          const byTenant = new Map<string, string[]>();
          for (const row of rows) if (row.tenantId) byTenant.set(row.tenantId, [...(byTenant.get(row.tenantId) ?? []), row.id]);
          await jobs.sendMany(
            [...byTenant].map(([tenantId, webhookEventIds]) => ({ name: 'whatsapp/webhook.received' as const, data: { tenantId, webhookEventIds } })),
            { db: tx },
          );
          return events.map(() => undefined);
        }),
      { maxItems: 200, maxWaitMs: 2 },
    );
    byJobs.set(jobs, store);
  }
  return store;
}

// Deliveries this process stored in the last second: the embedded worker yields to a burst.
export const webhookDeliveriesPerSecond = () => processRateMeter('whatsapp.webhook.stored').perSecond();

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

// The part of each change that says which number it is for; the full parse runs in the job.
function changesByPhoneNumberId(body: Json): Map<string, Json[]> | null {
  if (body.object !== 'whatsapp_business_account' || !Array.isArray(body.entry)) return null;
  const byNumber = new Map<string, Json[]>();
  for (const entry of body.entry) {
    if (!isObject(entry) || !Array.isArray(entry.changes)) return null;
    for (const change of entry.changes) {
      const value = isObject(change) && isObject(change.value) ? change.value : null;
      const id = value && isObject(value.metadata) ? value.metadata.phone_number_id : undefined;
      if (typeof id !== 'string') continue;
      const list = byNumber.get(id) ?? [];
      list.push({ id: entry.id, changes: [change] });
      byNumber.set(id, list);
    }
  }
  return byNumber;
}

// The fast path of POST /api/webhooks/whatsapp: check the signature against the channel's
// app secret before anything is stored, keep the raw event per channel, queue processing.
// Unknown numbers are acknowledged and dropped so Meta stops retrying them.
export async function acceptWebhookDelivery(
  db: Database,
  rawBody: string,
  signatureHeader: string | null,
  jobs: JobClient = getJobClient(),
): Promise<DeliveryOutcome> {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { status: 400, reason: 'body is not JSON' };
  }
  const byNumber = isObject(body) ? changesByPhoneNumberId(body) : null;
  if (!byNumber) return { status: 400, reason: 'not a WhatsApp Business Account payload' };

  const known: { channel: ChannelForWebhook; entries: Json[] }[] = [];
  for (const [phoneNumberId, entries] of byNumber) {
    const channel = await channelForWebhook(db, phoneNumberId);
    if (channel) known.push({ channel, entries });
  }
  if (known.length === 0) return { status: 200, stored: 0, ignored: byNumber.size };
  // One delivery comes from one Meta app, so every channel in it must accept the signature.
  if (!known.every(({ channel }) => channel.appSecret && verifySignature(rawBody, signatureHeader, channel.appSecret))) {
    return { status: 401, reason: 'signature does not match' };
  }

  const store = eventStore(db, jobs);
  await Promise.all(
    known.map(({ channel, entries }) =>
      store({ tenantId: channel.tenantId, channelId: channel.id, payload: byNumber.size === 1 ? body : { object: 'whatsapp_business_account', entry: entries } }),
    ),
  );
  processRateMeter('whatsapp.webhook.stored').note();
  return { status: 200, stored: known.length, ignored: byNumber.size - known.length };
}
