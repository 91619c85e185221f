import type { Database } from '@/db';

// The job behind 'whatsapp/message.received': runs the conversation automations for one new
// inbound message, in order (consent keywords and notice, profile collection, …).
export async function handleInboundMessage(_db: Database, _input: { tenantId: string; messageId: string }): Promise<void> {
  // Filled in by the consent/profile work (issue 4) in this session.
}
