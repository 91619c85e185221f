import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '@/db';
import { type OcrJob, media, ocrJobs } from '@/db/schema';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import { OCR_MAX_BYTES, checkInput } from '@/lib/ocr/input';
import { type ObjectStorage, getStorage } from '@/lib/storage';
import { mediaStorageKey } from '@/lib/storage/keys';
import type { TenantContext } from '@/lib/tenants/context';
import { ocrJobEvent } from './queue';
import { getOcrJob } from './list';

// POST /api/v1/ocr: one file read for the caller. The upload is stored as a media file and
// read by the same OCR job as WhatsApp photos (never inside the request); the route waits a
// while for it (waitForOcrJob). A file that is not a JPEG, PNG, WebP or PDF, or an image with
// too many pixels, is turned away by checkInput's header checks at once: its job is failed
// with the reason and nothing is stored.

export const ocrUploadSchema = z.object({
  file: z
    .instanceof(File, { message: 'Attach the image as `file`.' })
    .refine((file) => file.size > 0, 'The file is empty.')
    .transform(async (file) => ({ bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name || null, declaredType: file.type || null }))
    .meta({ type: 'string', format: 'binary', description: `A photo (JPEG, PNG, WebP) or a PDF of a receipt or a MyKad; at most ${OCR_MAX_BYTES / 1024 / 1024} MB` }),
});
export type OcrUpload = z.output<typeof ocrUploadSchema>['file'];

export async function submitOcrFile(
  db: Database,
  ctx: Pick<TenantContext, 'tenantId'>,
  file: OcrUpload,
  deps: { storage?: ObjectStorage; jobs?: JobClient; now?: Date } = {},
): Promise<OcrJob> {
  const now = deps.now ?? new Date();
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const checked = await checkInput(file.bytes, file.declaredType ?? undefined);
  if (!checked.ok) {
    const [failed] = await db
      .insert(ocrJobs)
      .values({ tenantId: ctx.tenantId, source: 'api', status: 'failed', fileSha256: sha256, failureReason: checked.message, extracted: {}, timings: { totalMs: 0 }, createdAt: now, completedAt: now })
      .returning();
    if (!failed) throw new Error('ocr job insert returned nothing');
    return failed;
  }
  const storageKey = mediaStorageKey(ctx.tenantId, now);
  await (deps.storage ?? getStorage()).put(storageKey, file.bytes, { contentType: checked.type });
  const jobs = deps.jobs ?? getJobClient();
  const id = await db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(media)
      .values({ tenantId: ctx.tenantId, mimeType: checked.type, sizeBytes: file.bytes.length, sha256, fileName: file.fileName?.slice(0, 255) ?? null, storageKey, status: 'stored', createdAt: now })
      .returning({ id: media.id });
    if (!stored) throw new Error('media insert returned nothing');
    const [job] = await tx.insert(ocrJobs).values({ tenantId: ctx.tenantId, source: 'api', mediaId: stored.id, fileSha256: sha256, createdAt: now }).returning({ id: ocrJobs.id });
    if (!job) throw new Error('ocr job insert returned nothing');
    await jobs.send(ocrJobEvent(ctx.tenantId, job.id), { db: tx });
    return job.id;
  });
  return getOcrJob(db, ctx, id);
}

export const isSettled = (job: Pick<OcrJob, 'status'>) => job.status !== 'queued' && job.status !== 'processing';

// Polls the job until it is read or the time is up (then it answers the job as it stands).
export async function waitForOcrJob(db: Database, ctx: Pick<TenantContext, 'tenantId'>, id: string, options: { timeoutMs: number; intervalMs?: number }): Promise<OcrJob> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const job = await getOcrJob(db, ctx, id);
    if (isSettled(job) || Date.now() >= deadline) return job;
    await new Promise((resolve) => setTimeout(resolve, Math.min(options.intervalMs ?? 250, Math.max(0, deadline - Date.now()))));
  }
}
