import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { messages } from '@/db/schema';
import type { JobClient } from '@/lib/jobs/client';
import type { TenantContext } from '@/lib/tenants/context';
import { type OutboundInput, queueOutboundMessage } from '@/lib/whatsapp/outbound/queue-message';
import { getConversation } from './conversations';
import { queryMessages } from './timeline';
import type { MessageView } from './views';

// The composer's send: to the conversation's customer, answered as the timeline shows it.
// queueOutboundMessage answers in the customer's latest conversation, which is this one
// unless the customer also writes to another of the tenant's numbers.
export async function sendFromInbox(db: Database, ctx: TenantContext, conversationId: string, input: OutboundInput, jobs?: JobClient): Promise<MessageView> {
  const conversation = await getConversation(db, ctx, conversationId);
  const message = await queueOutboundMessage(db, ctx, conversation.customer.id, input, jobs);
  const [view] = await queryMessages(db, ctx, eq(messages.id, message.id), 1);
  if (!view) throw new Error('the message just queued was not found');
  return view;
}
