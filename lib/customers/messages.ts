import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Message, messages } from '@/db/schema';
import { afterCursor, type Cursor } from '@/lib/api/pagination';
import { shownText } from '@/lib/inbox/views';
import type { TenantContext } from '@/lib/tenants/context';
import { getCustomer } from './customers';

// A customer's message as the REST API shows it; the inbox has a richer view (lib/inbox).
export function customerMessageJson(row: Message) {
  return {
    id: row.id,
    conversationId: row.conversationId,
    direction: row.direction,
    type: row.type,
    text: shownText(row.text),
    status: row.status,
    wamid: row.wamid,
    errorCode: row.errorCode,
    errorTitle: row.errorTitle,
    createdAt: row.createdAt.toISOString(),
  };
}

// Newest first, over all the customer's conversations. 404 for another tenant's customer.
export async function listCustomerMessages(db: Database, ctx: TenantContext, customerId: string, paging: { limit: number; after?: Cursor | null }): Promise<Message[]> {
  await getCustomer(db, ctx, customerId);
  const after = paging.after;
  return db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, ctx.tenantId),
        eq(messages.customerId, customerId),
        afterCursor(messages.createdAt, messages.id, after, 'desc'),
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(paging.limit);
}
