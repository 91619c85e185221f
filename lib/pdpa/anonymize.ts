import { and, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { conversations, customerFlags, customers, messages, webhookEvents } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { type StoredFile, removeFiles } from '@/lib/customers/delete';
import { getCustomer } from '@/lib/customers/customers';
import { requireRole } from '@/lib/members/members';
import { eraseOcrReads } from '@/lib/ocr-jobs/erasure';
import { type ObjectStorage, getStorage } from '@/lib/storage';
import type { TenantContext } from '@/lib/tenants/context';
import { detachMessageMedia } from './media-erasure';
import { deleteWebhookEventsMentioning, whatsAppIdentifiers } from './webhook-erasure';

// What a redacted message's `content` becomes: type, direction, status and times stay for the
// statistics; everything the person wrote or was sent is gone.
export const REDACTED_CONTENT: Record<string, unknown> = { redacted: true };
const redactedJson = sql`${JSON.stringify(REDACTED_CONTENT)}::jsonb`;

export const anonymizeInputSchema = z.object({
  reason: z.string({ error: 'Say why the customer is anonymised.' }).trim().min(3, 'Say why the customer is anonymised.').max(500, 'At most 500 characters.'),
});
export type AnonymizeInput = z.infer<typeof anonymizeInputSchema>;

export interface AnonymizeCounts {
  // Customers anonymised now (not those already anonymised).
  customers: number;
  messagesRedacted: number;
  mediaDeleted: number;
  webhookEventsDeleted: number;
}

// The set-based erasure behind POST …/anonymize and the retention job, inside the caller's
// transaction. The rows stay, so counts, consent statistics and segments by gender, birth state
// or birth year still add up; what identifies the person goes:
// - name → "Anonymised customer <first 8 of the id>"; phone, WhatsApp id and user id, profile
//   name, IC (sealed, hash and the masked form, which shows the birth date), city → null;
// - date of birth → 1 January of the birth year (age bands stay, the exact date goes);
// - message text, captions and details redacted; wamids (which encode the phone number) removed;
//   media rows deleted and their files returned for removal after commit;
// - conversation previews, the customer's IC-duplicate flags and the raw webhook deliveries
//   that mention their WhatsApp ids deleted; what OCR read from their photos erased.
// Consent events stay: they are append-only evidence and hold no direct identifier.
// Re-running it changes nothing.
export async function anonymizeCustomerRows(tx: Database, tenantId: string, customerIds: readonly string[]): Promise<{ counts: AnonymizeCounts; files: StoredFile[] }> {
  const rows = await tx
    .select({ id: customers.id, phone: customers.phone, waId: customers.waId, waUserId: customers.waUserId, anonymizedAt: customers.anonymizedAt })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, [...customerIds])))
    .for('update');
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { counts: { customers: 0, messagesRedacted: 0, mediaDeleted: 0, webhookEventsDeleted: 0 }, files: [] };
  const ofThem = inArray(messages.customerId, ids);

  const files = await detachMessageMedia(tx, tenantId, ofThem);
  const redacted = await tx
    .update(messages)
    .set({ text: null, content: REDACTED_CONTENT, mediaId: null, wamid: null, replyToWamid: null })
    .where(
      and(
        eq(messages.tenantId, tenantId),
        ofThem,
        or(isNotNull(messages.text), isNotNull(messages.mediaId), ne(messages.content, redactedJson), isNotNull(messages.wamid), isNotNull(messages.replyToWamid)),
      ),
    )
    .returning({ id: messages.id });
  await tx
    .update(conversations)
    .set({ lastMessagePreview: null })
    .where(and(eq(conversations.tenantId, tenantId), inArray(conversations.customerId, ids), isNotNull(conversations.lastMessagePreview)));
  await tx.delete(customerFlags).where(and(eq(customerFlags.tenantId, tenantId), inArray(customerFlags.customerId, ids)));
  await eraseOcrReads(tx, tenantId, ids);
  const webhookEventsDeleted = await deleteWebhookEventsMentioning(tx, tenantId, rows.flatMap(whatsAppIdentifiers));
  await tx
    .update(customers)
    .set({
      name: sql`'Anonymised customer ' || left(${customers.id}::text, 8)`,
      phone: null,
      waId: null,
      waUserId: null,
      profileName: null,
      icEncrypted: null,
      icHash: null,
      icMasked: null,
      dateOfBirth: sql`date_trunc('year', ${customers.dateOfBirth})::date`,
      city: null,
      anonymizedAt: sql`coalesce(${customers.anonymizedAt}, now())`,
      updatedAt: new Date(),
    })
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, ids)));
  return {
    counts: { customers: rows.filter((r) => r.anonymizedAt === null).length, messagesRedacted: redacted.length, mediaDeleted: files.length, webhookEventsDeleted },
    files,
  };
}

export interface AnonymizeResult extends Omit<AnonymizeCounts, 'customers'> {
  customerId: string;
  anonymizedAt: Date;
  alreadyAnonymized: boolean;
}

// Erasure by anonymisation of one customer (owner/admin, with a reason). Idempotent: a second
// call finds nothing left to erase and answers alreadyAnonymized.
export async function anonymizeCustomer(
  db: Database,
  ctx: TenantContext,
  customerId: string,
  input: AnonymizeInput,
  deps: { storage?: ObjectStorage } = {},
): Promise<AnonymizeResult> {
  requireRole(ctx, 'admin');
  const { counts, files, anonymizedAt } = await db.transaction(async (tx) => {
    await getCustomer(tx, ctx, customerId);
    const result = await anonymizeCustomerRows(tx, ctx.tenantId, [customerId]);
    if (result.counts.customers > 0) {
      const { customers: _, ...erased } = result.counts;
      await recordAudit(tx, ctx, { action: 'customer.anonymized', targetType: 'customer', targetId: customerId, metadata: { reason: input.reason, ...erased } });
    }
    const [row] = await tx
      .select({ anonymizedAt: customers.anonymizedAt })
      .from(customers)
      .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, customerId), isNull(customers.waId)));
    if (!row?.anonymizedAt) throw new Error('anonymisation left the customer identifiable');
    return { ...result, anonymizedAt: row.anonymizedAt };
  });
  await removeFiles(files, deps.storage ?? getStorage());
  return {
    customerId,
    anonymizedAt,
    alreadyAnonymized: counts.customers === 0,
    messagesRedacted: counts.messagesRedacted,
    mediaDeleted: counts.mediaDeleted,
    webhookEventsDeleted: counts.webhookEventsDeleted,
  };
}

export function anonymizeResultJson(r: AnonymizeResult) {
  return { ...r, anonymizedAt: r.anonymizedAt.toISOString() };
}

export const anonymizeResultSchema = z
  .object({
    customerId: z.uuid(),
    anonymizedAt: z.iso.datetime(),
    alreadyAnonymized: z.boolean().describe('True when an earlier call had already erased everything; nothing changed'),
    messagesRedacted: z.int(),
    mediaDeleted: z.int(),
    webhookEventsDeleted: z.int(),
  })
  .meta({ id: 'AnonymizeResult' });
