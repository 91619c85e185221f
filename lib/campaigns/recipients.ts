import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { type RecipientStatus, campaignRecipients, customers } from '@/db/schema';
import { afterCursor, decodeCursor, encodeCursor } from '@/lib/api/pagination';
import { UTF8_BOM, csvRow } from '@/lib/csv/write';
import type { TenantContext } from '@/lib/tenants/context';
import { loadCampaign } from './campaigns';

type Tenant = Pick<TenantContext, 'tenantId'>;
const r = campaignRecipients;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function recipientPage(db: Database, ctx: Tenant, campaignId: string, query: { limit: number; cursor?: string | null; status?: RecipientStatus }) {
  const rows = await db
    .select({ recipient: r, customerName: customers.name, phone: customers.phone })
    .from(r)
    .innerJoin(customers, and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, r.customerId)))
    .where(and(eq(r.tenantId, ctx.tenantId), eq(r.campaignId, campaignId), query.status ? eq(r.status, query.status) : undefined, afterCursor(r.queuedAt, r.id, decodeCursor(query.cursor ?? undefined), 'asc')))
    .orderBy(asc(r.queuedAt), asc(r.id))
    .limit(query.limit + 1);
  const data = rows.slice(0, query.limit).map(({ recipient: x, customerName, phone }) => ({
    id: x.id,
    customerId: x.customerId,
    customerName,
    phone,
    status: x.status,
    reason: x.reason,
    errorCode: x.errorCode,
    errorTitle: x.errorTitle,
    queuedAt: x.queuedAt.toISOString(),
    sentAt: iso(x.sentAt),
    deliveredAt: iso(x.deliveredAt),
    readAt: iso(x.readAt),
    failedAt: iso(x.failedAt),
    clickedAt: iso(x.clickedAt),
    convertedAt: iso(x.convertedAt),
  }));
  const last = rows[query.limit - 1];
  return { data, nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.recipient.queuedAt, id: last.recipient.id }) : null };
}
export type RecipientJson = Awaited<ReturnType<typeof recipientPage>>['data'][number];

// One campaign's recipients in queue order with their status and why they failed or were
// skipped; another tenant's campaign is not found.
export async function listRecipients(db: Database, ctx: Tenant, campaignId: string, query: { limit: number; cursor?: string; status?: RecipientStatus }) {
  await loadCampaign(db, ctx, campaignId);
  return recipientPage(db, ctx, campaignId, query);
}

const CSV_HEADER = ['customer_id', 'name', 'phone', 'status', 'reason', 'error_code', 'error_title', 'sent_at', 'delivered_at', 'read_at', 'failed_at', 'clicked_at', 'converted_at'];
const CSV_PAGE = 2000;

// The recipients as CSV, page by page so a large campaign streams instead of sitting in memory.
export async function recipientsCsv(db: Database, ctx: Tenant, campaignId: string): Promise<AsyncIterable<string>> {
  await loadCampaign(db, ctx, campaignId);
  return (async function* () {
    yield UTF8_BOM + csvRow(CSV_HEADER);
    let cursor: string | null = null;
    do {
      const page = await recipientPage(db, ctx, campaignId, { limit: CSV_PAGE, cursor });
      yield page.data
        .map((x) => csvRow([x.customerId, x.customerName, x.phone, x.status, x.reason, x.errorCode, x.errorTitle, x.sentAt, x.deliveredAt, x.readAt, x.failedAt, x.clickedAt, x.convertedAt]))
        .join('');
      cursor = page.nextCursor;
    } while (cursor);
  })();
}
