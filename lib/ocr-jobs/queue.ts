import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { media, messages, ocrJobs } from '@/db/schema';
import type { Step } from '@/lib/automation/turn';
import { type JobClient, getJobClient } from '@/lib/jobs/client';

// How a photo or PDF from a customer reaches OCR. The inbound pipeline (under the customer's
// lock, once per message) writes one ocr_jobs row per image or PDF message. OCR needs the
// stored file, which the media job fetches in parallel, so the OCR job is queued by whichever
// of the two sees the other's result:
// - the step, when the media row is already settled (stored or failed), or
// - fetch-and-store, right after settling it (wakeOcrJobs).
// The step reads the media row FOR SHARE, so a media UPDATE waits for the step's commit and
// the media job's look-up that follows it sees the new row: no wake-up is lost. Both send the
// same dedupe key, so the job is queued once even when both see it.

export const ocrJobEvent = (tenantId: string, ocrJobId: string) => ({
  name: 'ocr/document.received' as const,
  data: { tenantId, ocrJobId },
  dedupeKey: `ocr:${ocrJobId}`,
});

// The image types WhatsApp delivers, and PDFs; other documents (Word, text) are not receipts.
export function isOcrCandidate(type: string, mimeType: string | null): boolean {
  const base = mimeType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'image') return true;
  return type === 'document' && (base === 'application/pdf' || base.startsWith('image/'));
}

// The last step of the inbound pipeline: an image or PDF is queued for OCR (its reply comes
// from the OCR job). Consent is checked when the result is known: a receipt needs none, an IC
// card does.
export const ocrStep: Step = async (tx, turn) => {
  if (turn.message.type !== 'image' && turn.message.type !== 'document') return 'continue';
  const [file] = await tx
    .select({ id: media.id, status: media.status, mimeType: media.mimeType })
    .from(messages)
    .innerJoin(media, and(eq(media.tenantId, messages.tenantId), eq(media.id, messages.mediaId)))
    .where(and(eq(messages.tenantId, turn.tenantId), eq(messages.id, turn.message.id)))
    .for('share', { of: media })
    .limit(1);
  if (!file || !isOcrCandidate(turn.message.type, file.mimeType)) return 'continue';
  const [job] = await tx
    .insert(ocrJobs)
    .values({ tenantId: turn.tenantId, customerId: turn.customer.id, mediaId: file.id, messageId: turn.message.id, source: 'whatsapp', createdAt: turn.now })
    .returning({ id: ocrJobs.id });
  if (!job) throw new Error('ocr job insert returned nothing');
  if (file.status !== 'pending') await turn.jobs.send(ocrJobEvent(turn.tenantId, job.id), { db: tx });
  return 'consumed';
};

// Called by the media job once a file is stored or has failed: queues the OCR jobs waiting
// for it.
export async function wakeOcrJobs(db: Database, input: { tenantId: string; mediaId: string }, jobs: JobClient = getJobClient()): Promise<number> {
  const waiting = await db
    .select({ id: ocrJobs.id })
    .from(ocrJobs)
    .where(and(eq(ocrJobs.tenantId, input.tenantId), eq(ocrJobs.mediaId, input.mediaId), eq(ocrJobs.status, 'queued')));
  await jobs.sendMany(
    waiting.map((w) => ocrJobEvent(input.tenantId, w.id)),
    { db },
  );
  return waiting.length;
}
