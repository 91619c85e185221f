import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { conversations } from '@/db/schema';
import type { TenantContext } from '@/lib/tenants/context';
import { customerJson, getCustomer } from './customers';
import { listOpenCustomerFlags } from './flags';
import { getCustomerStats } from './stats';
import { getCustomerTimeline } from './timeline';

export const CUSTOMER_TIMELINE_PAGE = 30;

// Everything the customer page shows, for any role: the IC number appears only masked (the
// full number is a separate, logged reveal). 404 for another tenant's customer.
export async function getCustomerDetail(db: Database, ctx: TenantContext, customerId: string) {
  const row = await getCustomer(db, ctx, customerId);
  const [stats, flags, timeline, [latest]] = await Promise.all([
    getCustomerStats(db, ctx, customerId),
    listOpenCustomerFlags(db, ctx, customerId),
    getCustomerTimeline(db, ctx, customerId, { limit: CUSTOMER_TIMELINE_PAGE }),
    db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.tenantId, ctx.tenantId), eq(conversations.customerId, customerId)))
      .orderBy(desc(conversations.lastMessageAt))
      .limit(1),
  ]);
  return {
    customer: { ...customerJson(row), consentUpdatedAt: row.consentUpdatedAt?.toISOString() ?? null, anonymizedAt: row.anonymizedAt?.toISOString() ?? null },
    stats,
    flags,
    timeline,
    latestConversationId: latest?.id ?? null,
  };
}

export type CustomerDetail = Awaited<ReturnType<typeof getCustomerDetail>>;
