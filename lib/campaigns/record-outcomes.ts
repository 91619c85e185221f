import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Campaign, type MessageType, campaignRecipients, conversations, customers, messages } from '@/db/schema';
import { recordset } from '@/lib/whatsapp/ingest/recordset';
import type { SendOutcome } from './outcomes';
import { pushBackSlots } from './pacing';
import { withdrawMarketingConsent } from './tracking';

// One accepted send as the inbox will show it.
export interface SentMessage {
  recipientId: string;
  customerId: string;
  wamid: string;
  text: string;
  type: MessageType;
  content: Record<string, unknown>;
  mediaId: string | null;
}

export interface OutcomeContext {
  campaign: Campaign;
  // Gateways without status webhooks (wabot) only ever report acceptance: that is 'sent'.
  acceptedIsSent: boolean;
}

const r = campaignRecipients;

// Accepted sends become normal outbound messages (the inbox shows them; status webhooks find
// them by wamid) and their recipients 'sent', in one statement each for the whole batch.
async function recordSent(tx: Database, ctx: OutcomeContext, sent: readonly SentMessage[]): Promise<void> {
  if (sent.length === 0) return;
  const { campaign } = ctx;
  const rows = sent.map((s) => ({ ...s, content: JSON.stringify(s.content) }));
  const values = recordset(rows, { recipientId: 'uuid', customerId: 'uuid', wamid: 'text', text: 'text', type: 'text', content: 'text', mediaId: 'uuid' });
  await tx.execute(sql`
    insert into ${conversations} (tenant_id, channel_id, customer_id, last_message_at, last_message_preview)
    select ${campaign.tenantId}::uuid, ${campaign.channelId}::uuid, ${values.col('customerId')}, now(), ${values.col('text')} from ${values.table}
    on conflict (channel_id, customer_id) do update set updated_at = now()`);
  const status = ctx.acceptedIsSent ? sql`'sent'` : sql`'pending'`;
  await tx.execute(sql`
    with m as (
      insert into ${messages} (tenant_id, channel_id, conversation_id, customer_id, direction, type, text, content, media_id, wamid, status, sent_at)
      select ${campaign.tenantId}::uuid, ${campaign.channelId}::uuid, c.id, ${values.col('customerId')}, 'outbound', ${values.col('type')}, ${values.col('text')},
             ${values.col('content')}::jsonb, ${values.col('mediaId')}, ${values.col('wamid')}, ${status}, ${ctx.acceptedIsSent ? sql`now()` : sql`null`}
      from ${values.table} join ${conversations} c on c.tenant_id = ${campaign.tenantId} and c.channel_id = ${campaign.channelId} and c.customer_id = ${values.col('customerId')}
      returning id, (content->>'campaignRecipientId')::uuid as recipient_id, text
    )
    update ${r} set status = 'sent', sent_at = now(), message_id = m.id, rendered_text = m.text, next_attempt_at = null, error_code = null, error_title = null
    from m where ${r.tenantId} = ${campaign.tenantId} and ${r.id} = m.recipient_id and ${r.status} = 'sending'`);
  await tx
    .update(customers)
    .set({ outboundCount: sql`${customers.outboundCount} + 1` })
    .where(and(eq(customers.tenantId, campaign.tenantId), inArray(customers.id, sent.map((s) => s.customerId))));
}

// Records one batch's outcomes in one transaction. Only rows still 'sending' change, so a
// late or repeated record cannot move a recipient twice.
export async function recordOutcomes(db: Database, ctx: OutcomeContext, outcomes: readonly SendOutcome[], sent: readonly SentMessage[]): Promise<void> {
  const { campaign } = ctx;
  await db.transaction(async (tx) => {
    await recordSent(tx, ctx, sent);
    const others = outcomes.filter((o) => o.kind !== 'sent');
    if (others.length > 0) {
      const rows = others.map((o) => ({
        id: o.recipientId,
        status: o.kind === 'retry' ? 'queued' : o.kind,
        reason: o.kind === 'retry' ? null : o.reason,
        delayMs: o.kind === 'retry' ? Math.round(o.delayMs) : null,
        code: o.code,
        title: o.title,
      }));
      const v = recordset(rows, { id: 'uuid', status: 'text', reason: 'text', delayMs: 'int', code: 'int', title: 'text' });
      await tx
        .update(r)
        .set({
          status: sql`${v.col('status')}`,
          reason: sql`${v.col('reason')}`,
          errorCode: sql`${v.col('code')}`,
          errorTitle: sql`${v.col('title')}`,
          nextAttemptAt: sql`case when ${v.col('delayMs')} is null then null else now() + ${v.col('delayMs')} * interval '1 millisecond' end`,
          failedAt: sql`case when ${v.col('status')} = 'failed' then now() end`,
        })
        .from(v.table)
        .where(and(eq(r.tenantId, campaign.tenantId), inArray(r.id, rows.map((row) => row.id)), eq(r.status, 'sending'), sql`${r.id} = ${v.col('id')}`));
    }
    const failedFor = (reason: string) =>
      outcomes.flatMap((o) => (o.kind === 'failed' && o.reason === reason ? [o.recipientId] : []));
    const recipientsCustomers = async (ids: string[]) =>
      ids.length === 0 ? [] : (await tx.select({ customerId: r.customerId }).from(r).where(and(eq(r.tenantId, campaign.tenantId), inArray(r.id, ids)))).map((x) => x.customerId);
    const undeliverable = await recipientsCustomers(failedFor('undeliverable'));
    if (undeliverable.length > 0) {
      await tx
        .update(customers)
        .set({ undeliverableAt: sql`coalesce(${customers.undeliverableAt}, now())` })
        .where(and(eq(customers.tenantId, campaign.tenantId), inArray(customers.id, undeliverable)));
    }
    await withdrawMarketingConsent(tx, campaign.tenantId, await recipientsCustomers(failedFor('opted_out')));
    const slowDown = outcomes.reduce((ms, o) => (o.kind === 'retry' && o.slowDown ? Math.max(ms, o.delayMs) : ms), 0);
    if (slowDown > 0) await pushBackSlots(tx, { tenantId: campaign.tenantId, channelId: campaign.channelId }, slowDown);
  });
}
