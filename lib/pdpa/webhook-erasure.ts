import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { webhookEvents } from '@/db/schema';

// Raw deliveries keep Meta's payload as it came (numbers, names, texts). A delivery that
// mentions any of these WhatsApp ids anywhere is deleted.
export async function deleteWebhookEventsMentioning(tx: Database, tenantId: string, identifiers: (string | null)[]): Promise<number> {
  const ids = [...new Set(identifiers.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return 0;
  const deleted = await tx
    .delete(webhookEvents)
    .where(and(eq(webhookEvents.tenantId, tenantId), sql`jsonb_path_exists(${webhookEvents.payload}, '$.** ? (@ == $ids[*])', jsonb_build_object('ids', ${JSON.stringify(ids)}::jsonb))`))
    .returning({ id: webhookEvents.id });
  return deleted.length;
}

// What raw deliveries may name a customer by: the WhatsApp id, the business-scoped user id and
// the number without its '+'.
export function whatsAppIdentifiers(c: { phone: string | null; waId: string | null; waUserId: string | null }): (string | null)[] {
  return [c.waId, c.waUserId, c.phone?.replace(/^\+/, '') ?? null];
}
