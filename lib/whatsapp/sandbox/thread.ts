import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { conversations, customers, messages, templates } from '@/db/schema';
import { toE164 } from '@/lib/customers/phone';
import { AppError } from '@/lib/errors';
import { queryMessages } from '@/lib/inbox/timeline';
import type { MessageView } from '@/lib/inbox/views';
import type { TenantContext } from '@/lib/tenants/context';
import { interactiveContentSchema } from '@/lib/whatsapp/interactive-content';
import { sandboxChannel } from './channel';

// The sandbox conversation as the customer's phone shows it.

const THREAD_LIMIT = 200;

export type SimulatorMessage = Pick<MessageView, 'id' | 'wamid' | 'direction' | 'type' | 'text' | 'status' | 'mediaId' | 'media' | 'quoted' | 'createdAt'> & {
  // A template's header and footer, and the quick-reply buttons the customer may tap.
  header: string | null;
  footer: string | null;
  buttons: { id: string; title: string }[];
};

export interface SimulatedCustomerSummary {
  customerId: string;
  phone: string | null;
  name: string;
  profileName: string | null;
  lastMessageAt: string;
  lastMessagePreview: string | null;
}

export interface SimulatorThread {
  // The number as E.164, however it was typed.
  phone: string;
  // Null until the customer's first message has been processed.
  customer: { id: string; name: string; profileName: string | null } | null;
  messages: SimulatorMessage[];
}

function simulatorWaId(phone: string): string {
  const e164 = toE164(phone);
  if (!e164) throw AppError.field('validation', 'phone', 'Enter a valid phone number, e.g. +60123456789.');
  return e164.slice(1);
}

// Everyone the simulator has played on the tenant's sandbox number, latest first.
export async function listSimulatedCustomers(db: Database, ctx: Pick<TenantContext, 'tenantId'>, limit = 50): Promise<SimulatedCustomerSummary[]> {
  const channel = await sandboxChannel(db, ctx.tenantId);
  const rows = await db
    .select({
      customerId: customers.id,
      phone: customers.phone,
      name: customers.name,
      profileName: customers.profileName,
      lastMessageAt: conversations.lastMessageAt,
      lastMessagePreview: conversations.lastMessagePreview,
    })
    .from(conversations)
    .innerJoin(customers, and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, conversations.customerId)))
    .where(and(eq(conversations.tenantId, ctx.tenantId), eq(conversations.channelId, channel.id)))
    .orderBy(desc(conversations.lastMessageAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, lastMessageAt: r.lastMessageAt.toISOString() }));
}

async function templateParts(db: Database, ctx: TenantContext, rows: MessageView[]) {
  const ids = rows.flatMap((m) => (m.type === 'template' && typeof m.content.templateId === 'string' ? [m.content.templateId] : []));
  if (ids.length === 0) return new Map<string, Pick<typeof templates.$inferSelect, 'headerText' | 'footer' | 'buttons'>>();
  const found = await db
    .select({ id: templates.id, headerText: templates.headerText, footer: templates.footer, buttons: templates.buttons })
    .from(templates)
    .where(and(eq(templates.tenantId, ctx.tenantId), inArray(templates.id, [...new Set(ids)])));
  return new Map(found.map(({ id, ...parts }) => [id, parts]));
}

// An interactive message's reply buttons; a template's quick replies, which Meta reports with
// their text as the payload when sent without payloads.
function buttonsOf(message: MessageView, template: Pick<typeof templates.$inferSelect, 'buttons'> | undefined): SimulatorMessage['buttons'] {
  if (message.direction === 'outbound' && message.type === 'interactive') {
    const parsed = interactiveContentSchema.safeParse(message.content);
    return parsed.success ? parsed.data.interactive.buttons : [];
  }
  return (template?.buttons ?? []).map((b) => ({ id: b.text, title: b.text }));
}

export async function simulatorThread(db: Database, ctx: TenantContext, phone: string): Promise<SimulatorThread> {
  const waId = simulatorWaId(phone);
  const channel = await sandboxChannel(db, ctx.tenantId);
  const [conversation] = await db
    .select({ id: conversations.id, customer: { id: customers.id, name: customers.name, profileName: customers.profileName } })
    .from(conversations)
    .innerJoin(customers, and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, conversations.customerId)))
    .where(and(eq(conversations.tenantId, ctx.tenantId), eq(conversations.channelId, channel.id), eq(customers.waId, waId)))
    .limit(1);
  const phoneE164 = `+${waId}`;
  if (!conversation) return { phone: phoneE164, customer: null, messages: [] };
  const rows = (await queryMessages(db, ctx, eq(messages.conversationId, conversation.id), THREAD_LIMIT)).reverse();
  const parts = await templateParts(db, ctx, rows);
  return {
    phone: phoneE164,
    customer: conversation.customer,
    messages: rows.map((m) => {
      const template = typeof m.content.templateId === 'string' ? parts.get(m.content.templateId) : undefined;
      return {
        id: m.id,
        wamid: m.wamid,
        direction: m.direction,
        type: m.type,
        text: m.text,
        status: m.status,
        mediaId: m.mediaId,
        media: m.media,
        quoted: m.quoted,
        createdAt: m.createdAt,
        header: template?.headerText ?? null,
        footer: template?.footer ?? null,
        buttons: buttonsOf(m, template),
      };
    }),
  };
}
