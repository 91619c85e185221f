import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { ocrJobs } from '@/db/schema';

// PDPA erasure (anonymisation, lib/pdpa/anonymize): what OCR read from a customer's photos —
// the text (names, addresses), the fields (the sealed IC number, a receipt's details) and the
// file's hash — goes; what happened (status, kind, outcome, timings) stays for the log. An item
// still waiting for review can no longer be decided: it is closed as rejected.
export async function eraseOcrReads(tx: Database, tenantId: string, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await tx
    .update(ocrJobs)
    .set({
      text: null,
      fileSha256: null,
      extracted: sql`jsonb_strip_nulls(jsonb_build_object('outcome', ${ocrJobs.extracted}->'outcome', 'erased', true))`,
      status: sql`case when ${ocrJobs.status} = 'review' then 'rejected' else ${ocrJobs.status} end`,
      reviewNote: sql`case when ${ocrJobs.status} = 'review' then 'The customer was anonymised before review.' else ${ocrJobs.reviewNote} end`,
    })
    .where(and(eq(ocrJobs.tenantId, tenantId), inArray(ocrJobs.customerId, [...customerIds])));
}
