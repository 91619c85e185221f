import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { messages } from '@/db/schema';
import type { Cursor } from '@/lib/api/pagination';
import { pageOfMessages } from '@/lib/inbox/timeline';
import type { TenantContext } from '@/lib/tenants/context';
import { getCustomer } from './customers';

// Everything said with the customer over all their conversations (channels), a page at a time
// as the inbox shows a conversation. 404 for another tenant's customer.
export async function getCustomerTimeline(db: Database, ctx: TenantContext, customerId: string, options: { before?: Cursor | null; limit: number }) {
  await getCustomer(db, ctx, customerId);
  return pageOfMessages(db, ctx, eq(messages.customerId, customerId), options);
}
