import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, messages, templates } from '@/db/schema';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import type { JobEventData } from '@/lib/jobs/events';
import { isTemplateLanguage } from '@/lib/templates/schema';
import type { TenantContext } from '@/lib/tenants/context';
import type { SandboxOutbound } from '@/lib/whatsapp/providers';
import type { SandboxProviderOptions } from '@/lib/whatsapp/providers/sandbox';
import { postToWebhook, sandboxChannel } from './channel';
import { readSandboxMedia } from './media-store';
import { type StatusPricing, statusPayload } from './payloads';

// How long after a send the sandbox "delivers" it; Meta usually takes about this long.
const SANDBOX_STATUS_DELAY_MS = 700;

type ChannelRef = { tenantId: string; channelId: string };

// Meta's pricing: free-form replies fall in the free customer-service window; templates are
// billed by their category.
async function pricingFor(db: Database, ref: ChannelRef, outbound: SandboxOutbound): Promise<StatusPricing> {
  if (!outbound.template) return { billable: false, type: 'free_customer_service', category: 'service' };
  const { name, language } = outbound.template;
  if (!isTemplateLanguage(language)) return { billable: true, type: 'regular', category: 'utility' };
  const [row] = await db
    .select({ category: templates.category })
    .from(templates)
    .where(and(eq(templates.tenantId, ref.tenantId), eq(templates.channelId, ref.channelId), eq(templates.name, name), eq(templates.language, language)))
    .limit(1);
  return { billable: true, type: 'regular', category: row?.category ?? 'utility' };
}

// What the sandbox provider of one channel does instead of a network: each send queues the
// status webhooks Meta would send, and media the simulator's customers sent is read back.
export function sandboxHooks(db: Database, ref: ChannelRef, jobs: JobClient = getJobClient()): Pick<SandboxProviderOptions, 'onSend' | 'mediaStore'> {
  return {
    async onSend(outbound) {
      const recipientWaId = outbound.to.waId ?? outbound.to.phone?.replace(/\D/g, '');
      // The simulator addresses customers by number; one known only by user id never reads it.
      if (!recipientWaId) return;
      const pricing = await pricingFor(db, ref, outbound);
      await jobs.send(
        {
          name: 'whatsapp/sandbox.statuses',
          data: { ...ref, wamid: outbound.wamid, recipientWaId, pricing },
          runAt: new Date(Date.now() + SANDBOX_STATUS_DELAY_MS),
          dedupeKey: `sandbox.statuses:${outbound.wamid}`,
        },
        { db },
      );
    },
    mediaStore: (providerMediaId) => readSandboxMedia(ref.tenantId, providerMediaId),
  };
}

// The job behind 'whatsapp/sandbox.statuses': the customer's phone reports the message sent,
// then delivered, each as its own signed delivery. Statuses never move backwards, so a retry
// is harmless.
export async function emitSandboxStatuses(db: Database, data: JobEventData<'whatsapp/sandbox.statuses'>): Promise<void> {
  const channel = await sandboxChannel(db, data.tenantId, data.channelId);
  const base = { wamid: data.wamid, recipientWaId: data.recipientWaId, pricing: data.pricing };
  await postToWebhook(db, channel, statusPayload(channel, [{ ...base, status: 'sent', at: new Date() }]));
  await postToWebhook(db, channel, statusPayload(channel, [{ ...base, status: 'delivered', at: new Date() }]));
}

// The simulator showed these business messages to the customer: report them read. Only the
// tenant's sandbox messages that were delivered and not yet read count.
export async function markSimulatorRead(db: Database, ctx: Pick<TenantContext, 'tenantId'>, wamids: string[]): Promise<{ marked: number }> {
  if (wamids.length === 0) return { marked: 0 };
  const channel = await sandboxChannel(db, ctx.tenantId);
  const rows = await db
    .select({ wamid: messages.wamid, waId: customers.waId })
    .from(messages)
    .innerJoin(customers, and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, messages.customerId)))
    .where(
      and(
        eq(messages.tenantId, ctx.tenantId),
        eq(messages.channelId, channel.id),
        eq(messages.direction, 'outbound'),
        inArray(messages.status, ['sent', 'delivered']),
        inArray(messages.wamid, wamids),
        isNotNull(customers.waId),
      ),
    );
  const at = new Date();
  const statuses = rows.flatMap((r) => (r.wamid && r.waId ? [{ wamid: r.wamid, recipientWaId: r.waId, status: 'read' as const, at }] : []));
  if (statuses.length > 0) await postToWebhook(db, channel, statusPayload(channel, statuses));
  return { marked: statuses.length };
}
