import { and, asc, desc, eq, notInArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Message, consentEvents, customers, messages, tenantSettings } from '@/db/schema';
import { localJobClient } from '@/lib/jobs/local-driver';
import { type JobHandlers, jobHandlers } from '@/lib/jobs/handlers';
import { runDueJobs } from '@/lib/jobs/worker';
import type { TenantContext } from '@/lib/tenants/context';
import { interactiveContentSchema } from '@/lib/whatsapp/interactive-content';
import { simulateInbound } from '@/lib/whatsapp/sandbox/simulate-inbound';

// Conversation tests: a customer writes to the tenant's sandbox number through the real ingest
// path (signed webhook → processing job → automation job → send jobs) and the test reads what
// Sembang answered and recorded.

let counter = 0;

// A number no other test of the file uses.
export function newPhone(): string {
  counter += 1;
  return `+6011${String(Date.now() % 10_000).padStart(4, '0')}${String(counter).padStart(4, '0')}`;
}

// Runs every job that is due now (not the reminder, hours ahead, nor the sandbox's status
// webhooks a moment ahead).
export async function settle(db: Database, handlers: JobHandlers = jobHandlers): Promise<void> {
  while ((await runDueJobs(db, { limit: 50, handlers })).claimed > 0);
}

// Ingests without running the automations: the message waits for handleInboundMessage.
export const withoutAutomations: JobHandlers = { ...jobHandlers, 'whatsapp/message.received': async () => {} };

export async function customerByPhone(db: Database, ctx: Pick<TenantContext, 'tenantId'>, phone: string) {
  const [row] = await db.select().from(customers).where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.phone, phone)));
  return row ?? null;
}

async function outboundIds(db: Database, ctx: Pick<TenantContext, 'tenantId'>, phone: string): Promise<string[]> {
  const customer = await customerByPhone(db, ctx, phone);
  if (!customer) return [];
  const rows = await db.select({ id: messages.id }).from(messages).where(and(eq(messages.customerId, customer.id), eq(messages.direction, 'outbound')));
  return rows.map((r) => r.id);
}

export interface Exchange {
  message: Message;
  // What Sembang sent back, oldest first.
  replies: Message[];
}

async function exchange(db: Database, ctx: Pick<TenantContext, 'tenantId'>, phone: string, send: () => Promise<{ wamid: string }>, handlers?: JobHandlers): Promise<Exchange> {
  const before = await outboundIds(db, ctx, phone);
  const { wamid } = await send();
  await settle(db, handlers);
  const [message] = await db.select().from(messages).where(eq(messages.wamid, wamid));
  if (!message) throw new Error(`message ${wamid} was not stored`);
  const replies = await db
    .select()
    .from(messages)
    .where(and(eq(messages.customerId, message.customerId), eq(messages.direction, 'outbound'), before.length > 0 ? notInArray(messages.id, before) : undefined))
    .orderBy(asc(messages.createdAt));
  return { message, replies };
}

// `at` back-dates the message (Meta's timestamps are whole seconds).
export function say(db: Database, ctx: Pick<TenantContext, 'tenantId'>, phone: string, text: string, options: { profileName?: string; handlers?: JobHandlers; at?: Date } = {}) {
  return exchange(
    db,
    ctx,
    phone,
    () => simulateInbound(db, ctx, { phone, profileName: options.profileName ?? 'Aminah', message: { type: 'text', text } }, { jobs: localJobClient, at: options.at }),
    options.handlers,
  );
}

// Taps the reply button titled `title` on the latest business message that has it.
export async function tap(db: Database, ctx: Pick<TenantContext, 'tenantId'>, phone: string, title: string) {
  const customer = await customerByPhone(db, ctx, phone);
  if (!customer) throw new Error(`no customer ${phone}`);
  const sent = await db
    .select()
    .from(messages)
    .where(and(eq(messages.customerId, customer.id), eq(messages.direction, 'outbound'), eq(messages.type, 'interactive')))
    .orderBy(desc(messages.createdAt));
  for (const m of sent) {
    const button = interactiveContentSchema.safeParse(m.content).data?.interactive.buttons.find((b) => b.title === title);
    if (button && m.wamid) {
      const replyToWamid = m.wamid;
      return exchange(db, ctx, phone, () => simulateInbound(db, ctx, { phone, message: { type: 'button_reply', replyToWamid, id: button.id, title } }, { jobs: localJobClient }));
    }
  }
  throw new Error(`no sent message with a "${title}" button`);
}

export async function consentHistory(db: Database, customerId: string) {
  return db.select().from(consentEvents).where(eq(consentEvents.customerId, customerId)).orderBy(asc(consentEvents.occurredAt), asc(consentEvents.id));
}

export async function setTenantConversation(db: Database, ctx: Pick<TenantContext, 'tenantId'>, values: Partial<typeof tenantSettings.$inferInsert>) {
  await db.update(tenantSettings).set(values).where(eq(tenantSettings.tenantId, ctx.tenantId));
}
