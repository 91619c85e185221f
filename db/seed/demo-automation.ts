import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { conversations, customers, messages } from '@/db/schema';
import { handleInboundMessages } from '@/lib/automation/handle-inbound';
import type { JobClient } from '@/lib/jobs/client';
import { type JobHandlers, jobHandlers } from '@/lib/jobs/handlers';
import { localJobClient } from '@/lib/jobs/local-driver';
import { runDueJobs } from '@/lib/jobs/worker';

// The demo's history is seeded in the past, so its jobs run here, not by the worker. The
// conversation automations (consent notice, answers, profile) act at each message's own time,
// as they would have then; what they send is recorded as delivered instead of being sent.

// The demo business switched Sembang's consent notice on this long ago: older messages were
// never asked about (their customers stay "unknown").
export const CONSENT_LAUNCH_AGO_MS = 9 * 24 * 3_600_000;

// Jobs as usual, except that nothing is sent.
export const seedJobs: JobClient = {
  send: (event, options) => seedJobs.sendMany([event], options),
  sendMany: (events, options) => localJobClient.sendMany(events.filter((e) => e.name !== 'whatsapp/message.send'), options),
};

function demoHandlers(launch: Date): JobHandlers {
  return {
    ...jobHandlers,
    'whatsapp/message.received': async ({ db, data }) => {
      const ids = 'messageIds' in data ? data.messageIds : [data.messageId];
      const recent = await db
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.tenantId, data.tenantId), inArray(messages.id, ids), gte(messages.createdAt, launch)));
      if (recent.length === 0) return;
      await handleInboundMessages(db, { tenantId: data.tenantId, messageIds: recent.map((m) => m.id) }, { jobs: seedJobs, clock: (m) => new Date(m.createdAt.getTime() + 2000) });
    },
  };
}

// Runs every due job, then marks Sembang's automated messages as the sandbox would have left
// them: delivered, and read when older than an hour. `extra` swaps in handlers (the demo's OCR
// answers without running Tesseract).
export async function runDemoJobs(db: Database, tenantId: string, extra: Partial<JobHandlers> = {}): Promise<void> {
  const handlers = { ...demoHandlers(new Date(Date.now() - CONSENT_LAUNCH_AGO_MS)), ...extra };
  while ((await runDueJobs(db, { limit: 50, handlers })).claimed > 0);
  const old = sql`${messages.createdAt} < now() - interval '1 hour'`;
  await db
    .update(messages)
    .set({
      status: sql`case when ${old} then 'read' else 'delivered' end`,
      wamid: sql`'wamid.sandbox.' || gen_random_uuid()`,
      sentAt: sql`${messages.createdAt} + interval '1 second'`,
      deliveredAt: sql`${messages.createdAt} + interval '2 seconds'`,
      readAt: sql`case when ${old} then ${messages.createdAt} + interval '3 minutes' end`,
    })
    .where(and(eq(messages.tenantId, tenantId), eq(messages.direction, 'outbound'), eq(messages.status, 'pending'), sql`${messages.wamid} is null and ${messages.sentByUserId} is null`));
}

// Counters, previews and the unread count as the inbox expects them, from the messages.
// Automated messages count as outbound but, as in the app, do not answer the customer.
export async function settleSummaries(db: Database, tenantId: string, channelId: string) {
  const personal = (m: string) => sql.raw(`(${m}.direction = 'inbound' or ${m}.sent_by_user_id is not null)`);
  await db
    .update(conversations)
    .set({
      lastMessageAt: sql`(select max(m.created_at) from ${messages} m where m.conversation_id = ${conversations.id} and ${personal('m')})`,
      lastMessagePreview: sql`(select m.text from ${messages} m where m.conversation_id = ${conversations.id} and ${personal('m')} order by m.created_at desc limit 1)`,
      unreadCount: sql`(select count(*) from ${messages} m where m.conversation_id = ${conversations.id} and m.direction = 'inbound' and m.created_at > coalesce((select max(o.created_at) from ${messages} o where o.conversation_id = ${conversations.id} and o.direction = 'outbound' and o.sent_by_user_id is not null), 'epoch'))`,
    })
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.channelId, channelId)));
  await db
    .update(customers)
    .set({
      outboundCount: sql`(select count(*) from ${messages} m where m.customer_id = ${customers.id} and m.direction = 'outbound')`,
      lastInteractionAt: sql`(select max(m.created_at) from ${messages} m where m.customer_id = ${customers.id} and ${personal('m')})`,
    })
    .where(eq(customers.tenantId, tenantId));
}
