import { type SQL, and, eq, inArray, isNotNull, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { media, messages, ocrJobs } from '@/db/schema';
import type { StoredFile } from '@/lib/customers/delete';

// What OCR read from a photo — the text (names, addresses), the fields (the sealed IC number,
// a receipt's details) and the file's hash — goes; what happened (status, kind, outcome,
// timings) stays for the log. An item still waiting for review can no longer be decided: it is
// closed as rejected with `note`.
async function eraseReads(tx: Database, tenantId: string, where: SQL, note: string): Promise<number> {
  const rows = await tx
    .update(ocrJobs)
    .set({
      text: null,
      fileSha256: null,
      extracted: sql`jsonb_strip_nulls(jsonb_build_object('outcome', ${ocrJobs.extracted}->'outcome', 'erased', true))`,
      status: sql`case when ${ocrJobs.status} = 'review' then 'rejected' else ${ocrJobs.status} end`,
      reviewNote: sql`case when ${ocrJobs.status} = 'review' then ${note} else ${ocrJobs.reviewNote} end`,
    })
    .where(and(eq(ocrJobs.tenantId, tenantId), where))
    .returning({ id: ocrJobs.id });
  return rows.length;
}

// PDPA erasure (anonymisation, lib/pdpa/anonymize) of a customer's photos.
export async function eraseOcrReads(tx: Database, tenantId: string, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await eraseReads(tx, tenantId, inArray(ocrJobs.customerId, [...customerIds]), 'The customer was anonymised before review.');
}

// Retention (lib/pdpa/retention): reads older than `before` are erased like message bodies that
// old, and files uploaded through the API or the dashboard are deleted (photos that came by
// WhatsApp go with their messages). Returns the files to remove once the transaction commits.
export async function expireOcrReads(tx: Database, tenantId: string, before: Date): Promise<{ erased: number; files: StoredFile[] }> {
  const old = lt(ocrJobs.createdAt, before);
  const unerased = or(isNotNull(ocrJobs.text), isNotNull(ocrJobs.fileSha256), sql`${ocrJobs.extracted} is not null and not coalesce((${ocrJobs.extracted}->>'erased')::boolean, false)`);
  const erased = await eraseReads(tx, tenantId, and(old, unerased)!, 'Kept longer than the retention period before review.');
  const uploads = await tx
    .select({ id: media.id, tenantId: media.tenantId, storageKey: media.storageKey })
    .from(ocrJobs)
    .innerJoin(media, and(eq(media.tenantId, tenantId), eq(media.id, ocrJobs.mediaId)))
    .where(
      and(
        eq(ocrJobs.tenantId, tenantId),
        old,
        inArray(ocrJobs.source, ['api', 'dashboard']),
        isNull(ocrJobs.messageId),
        notExists(tx.select({ id: messages.id }).from(messages).where(and(eq(messages.tenantId, tenantId), eq(messages.mediaId, media.id)))),
      ),
    );
  if (uploads.length > 0) await tx.delete(media).where(and(eq(media.tenantId, tenantId), inArray(media.id, uploads.map((u) => u.id))));
  return { erased, files: uploads.map((u) => ({ tenantId: u.tenantId, storageKey: u.storageKey, sandboxMediaId: null })) };
}
