import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { executedRows } from '@/db/rows';
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
  // The payload as JSON text: the delivery's raw body as Meta sent it (it was parsed once to
  // route it, and is not serialised again) or, for a delivery split across channels, its part.
  payloadJson: string;
}

// One statement for the whole micro-batch, whatever its size: the rows travel as one JSON
// document. Building a multi-row VALUES list with the query builder (and re-serialising every
// payload) took about a tenth of the fast path's thread.
function insertEvents(tx: Database, events: StoredEvent[]): Promise<{ id: string; tenant_id: string }[]> {
  // Ids come from the channel row (uuids) and payloads are JSON: concatenation yields valid JSON.
  const rows = `[${events.map((e) => `{"tenant_id":"${e.tenantId}","channel_id":"${e.channelId}","payload":${e.payloadJson}}`).join(',')}]`;
  return tx
    .execute(
      sql`insert into webhook_events (tenant_id, channel_id, payload)
          select tenant_id, channel_id, payload from jsonb_to_recordset(${rows}::jsonb) as e(tenant_id uuid, channel_id uuid, payload jsonb)
          returning id, tenant_id`,
    )
    .then((result) => executedRows<{ id: string; tenant_id: string }>(result));
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
          const rows = await insertEvents(tx, events);
          // One processing job per tenant for the whole batch (see processWebhookDeliveries).
          const byTenant = new Map<string, string[]>();
          for (const row of rows) byTenant.set(row.tenant_id, [...(byTenant.get(row.tenant_id) ?? []), row.id]);
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
      store({ tenantId: channel.tenantId, channelId: channel.id, payloadJson: byNumber.size === 1 ? rawBody : JSON.stringify({ object: 'whatsapp_business_account', entry: entries }) }),
    ),
  );
  processRateMeter('whatsapp.webhook.stored').note();
  return { status: 200, stored: known.length, ignored: byNumber.size - known.length };
}
