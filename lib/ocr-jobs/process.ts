import { and, asc, eq, inArray, isNotNull, ne, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { type OcrJob, media, ocrJobs } from '@/db/schema';
import { conversationSettings } from '@/lib/automation/turn';
import type { ReplyLanguage } from '@/lib/consent/keywords';
import { lockCustomerConsent } from '@/lib/consent/record';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import { logger } from '@/lib/logger';
import { type OcrTimings, type RecognizeOptions, type RecognizeResult, recognizeDocument } from '@/lib/ocr/recognize';
import { type ObjectStorage, getStorage } from '@/lib/storage';
import { applyIc, applyReceipt } from './apply';
import { type Decision, type JobFields, type Read, decide } from './decide';
import type { OcrOutcome } from './extracted';
import { languageFor, replyToPhoto } from './notify';

export type Recognizer = (bytes: Buffer, options: RecognizeOptions) => Promise<RecognizeResult>;

export interface OcrFlowDeps {
  // recognizeDocument (the Tesseract pool) unless given; tests inject a recogniser.
  recognize?: Recognizer;
  storage?: ObjectStorage;
  jobs?: JobClient;
  // OCR_REVIEW_THRESHOLD unless given.
  reviewThreshold?: number;
  now?: () => Date;
}

// Matches the job's attempts (jobs.max_attempts, the Inngest function's retries + 1).
export const OCR_JOB_ATTEMPTS = 5;

export type ProcessResult = { status: 'skipped' | 'waiting' } | { status: OcrJob['status']; outcome: OcrOutcome | null };

const log = logger.child({ module: 'ocr-jobs' });
const OPEN = ['queued', 'processing'] as const;
const isOpen = (status: OcrJob['status']) => status === 'queued' || status === 'processing';

type StoredFile = Pick<typeof media.$inferSelect, 'status' | 'storageKey' | 'mimeType' | 'sha256' | 'error'>;

async function fileOf(db: Database, tenantId: string, mediaId: string): Promise<StoredFile | null> {
  const [row] = await db
    .select({ status: media.status, storageKey: media.storageKey, mimeType: media.mimeType, sha256: media.sha256, error: media.error })
    .from(media)
    .where(and(eq(media.tenantId, tenantId), eq(media.id, mediaId)))
    .limit(1);
  return row ?? null;
}

// The same bytes already became a purchase, or wait for a person, in an earlier job.
async function earlierJobWithFile(db: Database, job: OcrJob, sha256: string) {
  const [row] = await db
    .select({ id: ocrJobs.id, status: ocrJobs.status, purchaseId: ocrJobs.purchaseId })
    .from(ocrJobs)
    .where(
      and(
        eq(ocrJobs.tenantId, job.tenantId),
        eq(ocrJobs.fileSha256, sha256),
        ne(ocrJobs.id, job.id),
        eq(ocrJobs.kind, 'receipt'),
        or(isNotNull(ocrJobs.purchaseId), eq(ocrJobs.status, 'review')),
      ),
    )
    .orderBy(asc(ocrJobs.createdAt))
    .limit(1);
  return row ?? null;
}

interface Reading {
  read: Read;
  timings: OcrTimings | null;
}

const notReceived = (message: string): Reading => ({ read: { ok: false, reason: 'not_received', message }, timings: null });

async function readFile(db: Database, job: OcrJob, file: StoredFile | null, deps: OcrFlowDeps, attempt: number): Promise<Reading> {
  if (!file?.storageKey || file.status !== 'stored') return notReceived(file?.error ? `The file was not received: ${file.error}` : 'The file is no longer stored.');
  if (job.source === 'whatsapp' && file.sha256) {
    const earlier = await earlierJobWithFile(db, job, file.sha256);
    if (earlier) return { read: { ok: 'duplicate_file', earlier }, timings: null };
  }
  await db
    .update(ocrJobs)
    .set({ status: 'processing', fileSha256: file.sha256 })
    .where(and(eq(ocrJobs.tenantId, job.tenantId), eq(ocrJobs.id, job.id), inArray(ocrJobs.status, OPEN)));
  const object = await (deps.storage ?? getStorage()).get(file.storageKey);
  if (!object) return notReceived('The stored file is missing.');
  try {
    const result = await (deps.recognize ?? recognizeDocument)(object.bytes, { mimeType: file.mimeType ?? undefined });
    // The engine failing (a worker that would not start) is not the file's fault: try again.
    if (!result.ok && result.reason === 'ocr_failed') throw new Error(result.message);
    if (!result.ok) return { read: { ok: false, reason: result.reason, message: result.message }, timings: result.timings };
    return { read: { ok: true, document: result }, timings: result.timings };
  } catch (error) {
    // recognizeDocument answers bad files itself; a throw or ocr_failed is the engine, worth
    // another attempt until the last.
    if (attempt < OCR_JOB_ATTEMPTS) throw error;
    log.error({ err: error, tenantId: job.tenantId, ocrJobId: job.id }, 'ocr gave up');
    return { read: { ok: false, reason: 'ocr_failed', message: 'Text recognition failed on this file.' }, timings: null };
  }
}

interface Done {
  fields: JobFields;
  reply: string | null;
  purchaseId: string | null;
}

const withOutcome = (fields: JobFields, outcome: OcrOutcome, extra: Partial<JobFields['extracted']> = {}): JobFields => ({
  ...fields,
  extracted: { ...fields.extracted, outcome, ...extra },
});

// Records the purchase or saves the IC the decision asks for.
async function carryOut(tx: Database, job: OcrJob, decision: Decision, options: { language: ReplyLanguage; now: Date; jobs: JobClient }): Promise<Done> {
  if (decision.action === 'finish' || !job.customerId) return { fields: decision.fields, reply: decision.action === 'finish' ? decision.reply : null, purchaseId: null };
  const ref = { ...job, customerId: job.customerId };
  if (decision.action === 'ic') {
    const { result, reply } = await applyIc(tx, ref, decision.icNumber, options);
    const outcome = result.outcome === 'saved' ? 'ic_saved' : result.outcome === 'duplicate' ? 'ic_duplicate' : 'ic_invalid';
    return { fields: withOutcome(decision.fields, outcome), reply, purchaseId: null };
  }
  const applied = await applyReceipt(tx, ref, decision.input, { ...options, userId: null });
  if (!applied.ok) return { fields: withOutcome(decision.fields, 'duplicate_receipt', { existingPurchaseId: applied.existingPurchaseId }), reply: applied.reply, purchaseId: null };
  return { fields: decision.fields, reply: applied.reply, purchaseId: applied.purchaseId };
}

// Under the customer's lock (as the inbound pipeline and consent changes take it): decide,
// apply, answer and record the job in one transaction, so a retry finds it settled.
async function settle(db: Database, job: OcrJob, reading: Reading, started: { perfMs: number; waitMs: number }, deps: OcrFlowDeps): Promise<ProcessResult> {
  const now = deps.now?.() ?? new Date();
  const jobs = deps.jobs ?? getJobClient();
  const threshold = deps.reviewThreshold ?? getEnv().OCR_REVIEW_THRESHOLD;
  return db.transaction(async (tx): Promise<ProcessResult> => {
    const customer = job.customerId ? await lockCustomerConsent(tx, job.tenantId, job.customerId) : null;
    const [current] = await tx
      .select({ status: ocrJobs.status })
      .from(ocrJobs)
      .where(and(eq(ocrJobs.tenantId, job.tenantId), eq(ocrJobs.id, job.id)))
      .for('update');
    if (!current || !isOpen(current.status)) return { status: 'skipped' };
    const language = customer ? languageFor(customer, await conversationSettings(tx, job.tenantId)) : 'en';
    const decision = decide(reading.read, { job, customer: job.source === 'whatsapp' ? customer : null, language, threshold, now });
    const { fields, reply, purchaseId } = await carryOut(tx, job, decision, { language, now, jobs });
    const replied = reply ? await replyToPhoto(tx, job, reply, { now, jobs }) : null;
    const t = reading.timings;
    const timings = { waitMs: started.waitMs, preprocessMs: t?.preprocessMs ?? 0, ocrMs: t?.ocrMs ?? 0, extractMs: t?.extractMs ?? 0, totalMs: Math.round(performance.now() - started.perfMs) };
    await tx
      .update(ocrJobs)
      .set({ ...fields, extracted: { ...fields.extracted, ...(replied === null ? {} : { replied }) }, purchaseId, timings, completedAt: now })
      .where(and(eq(ocrJobs.tenantId, job.tenantId), eq(ocrJobs.id, job.id)));
    const outcome = fields.extracted.outcome ?? null;
    log.info({ tenantId: job.tenantId, ocrJobId: job.id, status: fields.status, outcome, kind: fields.kind, confidence: fields.confidence, totalMs: timings.totalMs }, 'ocr job settled');
    return { status: fields.status, outcome };
  });
}

// The job behind 'ocr/document.received': reads the stored file (OCR, or a PDF's text layer)
// outside any transaction, then settles the job. A file still being fetched is left alone —
// the media job queues this again once it is stored. Never inside a request.
export async function processOcrJob(db: Database, input: { tenantId: string; ocrJobId: string }, deps: OcrFlowDeps = {}, attempt = 1): Promise<ProcessResult> {
  const [job] = await db
    .select()
    .from(ocrJobs)
    .where(and(eq(ocrJobs.tenantId, input.tenantId), eq(ocrJobs.id, input.ocrJobId)))
    .limit(1);
  if (!job) {
    // Inngest may deliver the event before the transaction that wrote the row has committed.
    if (attempt < OCR_JOB_ATTEMPTS) throw new AppError('not_found', 'No OCR job with that id (yet).');
    return { status: 'skipped' };
  }
  if (!isOpen(job.status)) return { status: 'skipped' };
  const file = job.mediaId ? await fileOf(db, job.tenantId, job.mediaId) : null;
  if (file?.status === 'pending') return { status: 'waiting' };
  const started = { perfMs: performance.now(), waitMs: Math.max(0, (deps.now?.() ?? new Date()).getTime() - job.createdAt.getTime()) };
  const reading = await readFile(db, job, file, deps, attempt);
  return settle(db, job, reading, started, deps);
}
