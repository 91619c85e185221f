import { and, eq, inArray, isNotNull, isNull, lt, ne, notExists, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { conversations, customers, dataSubjectRequests, messages, tenantSettings, webhookEvents } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { removeFiles } from '@/lib/customers/delete';
import { expireOcrReads } from '@/lib/ocr-jobs/erasure';
import { type ObjectStorage, getStorage } from '@/lib/storage';
import { REDACTED_CONTENT, anonymizeCustomerRows } from './anonymize';
import { monthsBefore } from './clock';
import { detachMessageMedia } from './media-erasure';

// Rows per transaction: short transactions, bounded memory, whatever the tenant's size.
const MESSAGE_BATCH = 2000;
const CUSTOMER_BATCH = 200;

export interface RetentionCounts {
  messagesRedacted: number;
  mediaDeleted: number;
  previewsCleared: number;
  webhookEventsDeleted: number;
  ocrReadsErased: number;
  customersAnonymized: number;
}

export const noRetention = (): RetentionCounts => ({ messagesRedacted: 0, mediaDeleted: 0, previewsCleared: 0, webhookEventsDeleted: 0, ocrReadsErased: 0, customersAnonymized: 0 });

// The tenant's retention schedule (Settings → PDPA), applied as of `now`:
// - message bodies older than N months: text, captions and details redacted, media deleted
//   (rows and files), conversation previews that old cleared, raw webhook deliveries that old
//   deleted, what OCR read from photos that old erased (and files uploaded for OCR through the
//   API deleted); the messages and OCR log entries themselves stay for the statistics;
// - customers with no interaction for N years: anonymised (lib/pdpa/anonymize), except while a
//   data-subject request about them is open.
// Idempotent: a second run with the same `now` changes nothing and counts zeros.
export async function applyRetention(db: Database, tenantId: string, now: Date, deps: { storage?: ObjectStorage } = {}): Promise<RetentionCounts> {
  const [settings] = await db
    .select({ months: tenantSettings.retentionMessageMonths, years: tenantSettings.retentionInactiveYears })
    .from(tenantSettings)
    .where(eq(tenantSettings.tenantId, tenantId));
  const counts = noRetention();
  const storage = deps.storage ?? getStorage();
  if (settings?.months) await expireMessageBodies(db, tenantId, monthsBefore(now, settings.months), counts, storage);
  if (settings?.years) await anonymizeInactive(db, tenantId, monthsBefore(now, 12 * settings.years), counts, storage);
  if (Object.values(counts).some((n) => n > 0)) {
    await recordAudit(db, { tenantId, userId: null, apiKeyId: null }, { action: 'retention.applied', targetType: 'tenant', targetId: tenantId, metadata: { ...counts } });
  }
  return counts;
}

async function expireMessageBodies(db: Database, tenantId: string, before: Date, counts: RetentionCounts, storage: ObjectStorage): Promise<void> {
  const unredacted = and(
    eq(messages.tenantId, tenantId),
    lt(messages.createdAt, before),
    or(isNotNull(messages.text), isNotNull(messages.mediaId), ne(messages.content, sql`${JSON.stringify(REDACTED_CONTENT)}::jsonb`)),
  );
  for (;;) {
    const { redacted, files } = await db.transaction(async (tx) => {
      const batch = await tx.select({ id: messages.id }).from(messages).where(unredacted).limit(MESSAGE_BATCH).for('update', { skipLocked: true });
      if (batch.length === 0) return { redacted: 0, files: [] };
      const ids = batch.map((m) => m.id);
      const files = await detachMessageMedia(tx, tenantId, inArray(messages.id, ids));
      await tx
        .update(messages)
        .set({ text: null, content: REDACTED_CONTENT, mediaId: null })
        .where(and(eq(messages.tenantId, tenantId), inArray(messages.id, ids)));
      return { redacted: ids.length, files };
    });
    if (redacted === 0) break;
    await removeFiles(files, storage);
    counts.messagesRedacted += redacted;
    counts.mediaDeleted += files.length;
  }
  const previews = await db
    .update(conversations)
    .set({ lastMessagePreview: null })
    .where(and(eq(conversations.tenantId, tenantId), lt(conversations.lastMessageAt, before), isNotNull(conversations.lastMessagePreview)))
    .returning({ id: conversations.id });
  counts.previewsCleared += previews.length;
  // Processed deliveries only: an unprocessed one is still waiting for its job.
  const events = await db
    .delete(webhookEvents)
    .where(and(eq(webhookEvents.tenantId, tenantId), lt(webhookEvents.receivedAt, before), isNotNull(webhookEvents.processedAt)))
    .returning({ id: webhookEvents.id });
  counts.webhookEventsDeleted += events.length;
  const ocr = await db.transaction((tx) => expireOcrReads(tx, tenantId, before));
  await removeFiles(ocr.files, storage);
  counts.ocrReadsErased += ocr.erased;
  counts.mediaDeleted += ocr.files.length;
}

async function anonymizeInactive(db: Database, tenantId: string, before: Date, counts: RetentionCounts, storage: ObjectStorage): Promise<void> {
  const openRequest = db
    .select({ id: dataSubjectRequests.id })
    .from(dataSubjectRequests)
    .where(and(eq(dataSubjectRequests.tenantId, tenantId), eq(dataSubjectRequests.customerId, customers.id), eq(dataSubjectRequests.status, 'open')));
  const inactive = and(
    eq(customers.tenantId, tenantId),
    isNull(customers.anonymizedAt),
    // A bare Date is not a parameter postgres-js can send outside a column comparison.
    sql`coalesce(${customers.lastInteractionAt}, ${customers.createdAt}) < ${before.toISOString()}::timestamptz`,
    notExists(openRequest),
  );
  for (;;) {
    const result = await db.transaction(async (tx) => {
      const batch = await tx.select({ id: customers.id }).from(customers).where(inactive).limit(CUSTOMER_BATCH).for('update', { skipLocked: true });
      return anonymizeCustomerRows(tx, tenantId, batch.map((c) => c.id));
    });
    if (result.counts.customers === 0) break;
    await removeFiles(result.files, storage);
    counts.customersAnonymized += result.counts.customers;
    counts.messagesRedacted += result.counts.messagesRedacted;
    counts.mediaDeleted += result.counts.mediaDeleted;
    counts.webhookEventsDeleted += result.counts.webhookEventsDeleted;
  }
}

// Tenants with any retention set; the others have nothing to apply.
export async function tenantsWithRetention(db: Database): Promise<string[]> {
  const rows = await db
    .select({ tenantId: tenantSettings.tenantId })
    .from(tenantSettings)
    .where(or(isNotNull(tenantSettings.retentionMessageMonths), isNotNull(tenantSettings.retentionInactiveYears)));
  return rows.map((r) => r.tenantId);
}
