import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type MessageStatus, campaignRecipients, customers } from '@/db/schema';
import { recordConsentChanges } from '@/lib/consent/record';
import { recordset } from '@/lib/whatsapp/ingest/recordset';

// Campaign tracking fed by the rest of Sembang: status webhooks (delivered, read, failed) and
// purchases (conversions). Both set-based and inside the caller's transaction.

// A campaign message after a status batch was applied to it (lib/whatsapp/ingest/apply-status).
export interface CampaignMessageStatus {
  messageId: string;
  status: MessageStatus;
  deliveredAt: Date | null;
  readAt: Date | null;
  failedAt: Date | null;
  errorCode: number | null;
  errorTitle: string | null;
}

const r = campaignRecipients;
// A recipient's status only moves forward; 'failed' may follow 'sent' but not a delivery.
const rank = (status: unknown) =>
  sql`(case ${status} when 'queued' then 0 when 'sending' then 1 when 'sent' then 2 when 'failed' then 3 when 'delivered' then 4 when 'read' then 5 else -1 end)`;
const recipientStatus = (messageStatus: MessageStatus) =>
  messageStatus === 'played' ? 'read' : messageStatus === 'pending' || messageStatus === 'received' ? null : messageStatus;

// Moves the recipients of these messages on (least() ignores NULLs: the earliest time wins), in one UPDATE through the message_id index.
// Skipped recipients never change. A failure WhatsApp reports later is handled as at send time:
// 131026 marks the customer undeliverable and 131050 withdraws marketing consent.
export async function applyCampaignStatuses(db: Database, tenantId: string, updates: readonly CampaignMessageStatus[]): Promise<void> {
  const rows = updates.flatMap((u) => {
    const status = recipientStatus(u.status);
    if (!status) return [];
    const at = (d: Date | null) => d?.toISOString() ?? null;
    return [{ messageId: u.messageId, status, deliveredAt: at(u.deliveredAt), readAt: at(u.readAt), failedAt: at(u.failedAt), errorCode: u.errorCode, errorTitle: u.errorTitle }];
  });
  if (rows.length === 0) return;
  const v = recordset(rows, { messageId: 'uuid', status: 'text', deliveredAt: 'timestamptz', readAt: 'timestamptz', failedAt: 'timestamptz', errorCode: 'int', errorTitle: 'text' });
  const moved = await db
    .update(r)
    .set({
      status: sql`case when ${rank(r.status)} >= 2 and ${rank(r.status)} < ${rank(v.col('status'))} then ${v.col('status')} else ${r.status} end`,
      deliveredAt: sql`least(${r.deliveredAt}, ${v.col('deliveredAt')})`,
      readAt: sql`least(${r.readAt}, ${v.col('readAt')})`,
      failedAt: sql`case when ${v.col('status')} = 'failed' and ${rank(r.status)} = 2 then ${v.col('failedAt')} else ${r.failedAt} end`,
      reason: sql`case when ${v.col('status')} = 'failed' and ${rank(r.status)} = 2 then 'delivery_failed' else ${r.reason} end`,
      errorCode: sql`case when ${v.col('status')} = 'failed' and ${rank(r.status)} = 2 then ${v.col('errorCode')} else ${r.errorCode} end`,
      errorTitle: sql`case when ${v.col('status')} = 'failed' and ${rank(r.status)} = 2 then ${v.col('errorTitle')} else ${r.errorTitle} end`,
    })
    .from(v.table)
    .where(and(eq(r.tenantId, tenantId), inArray(r.messageId, rows.map((x) => x.messageId)), sql`${r.messageId} = ${v.col('messageId')}`))
    .returning({ customerId: r.customerId, status: r.status, errorCode: r.errorCode });
  const failedWith = (code: number) => moved.filter((m) => m.status === 'failed' && m.errorCode === code).map((m) => m.customerId);
  const undeliverable = failedWith(131026);
  if (undeliverable.length > 0) {
    await db.update(customers).set({ undeliverableAt: sql`coalesce(${customers.undeliverableAt}, now())` }).where(and(eq(customers.tenantId, tenantId), inArray(customers.id, undeliverable)));
  }
  await withdrawMarketingConsent(db, tenantId, failedWith(131050));
}

// WhatsApp said 131050 (the customer stopped marketing from the business): withdrawn through
// lib/consent — an append-only event, source meta_opt_out — unless it already is.
export async function withdrawMarketingConsent(db: Database, tenantId: string, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  const open = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, [...new Set(customerIds)]), ne(customers.consentStatus, 'withdrawn')))
    .orderBy(customers.id)
    .for('update');
  await recordConsentChanges(
    db,
    open.map((c) => ({ tenantId, customerId: c.id, status: 'withdrawn' as const, source: 'meta_opt_out' as const, keyword: 'error:131050', reason: 'WhatsApp answered 131050 to a campaign message' })),
  );
}

// A purchase converts the customer's most recent campaign message delivered within its
// campaign's attribution window before the purchase. The purchase's moment is when it was
// recorded, but no later than the end of its receipt date (Malaysian day): a receipt photographed
// days later still counts from when it was bought. One UPDATE, in the purchase's transaction.
export async function attributeConversion(db: Database, purchase: { tenantId: string; customerId: string; id: string; purchasedOn: string; createdAt: Date }): Promise<void> {
  const endOfDay = new Date(new Date(`${purchase.purchasedOn}T00:00:00+08:00`).getTime() + 86_400_000);
  const at = new Date(Math.min(purchase.createdAt.getTime(), endOfDay.getTime())).toISOString();
  await db.execute(sql`
    update ${r} set converted_at = ${at}::timestamptz, conversion_purchase_id = ${purchase.id}::uuid
    where ${r.id} = (
      select cr.id from ${r} cr join campaigns c on c.id = cr.campaign_id and c.tenant_id = ${purchase.tenantId}
      where cr.tenant_id = ${purchase.tenantId} and cr.customer_id = ${purchase.customerId}
        and cr.delivered_at is not null and cr.delivered_at <= ${at}::timestamptz
        and cr.delivered_at > ${at}::timestamptz - c.attribution_days * interval '1 day'
      order by cr.delivered_at desc, cr.id desc
      limit 1
    ) and ${r.convertedAt} is null`);
}
