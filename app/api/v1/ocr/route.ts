// POST /api/v1/ocr — read one photo or PDF (multipart `file`); the result, or 202 to poll
// GET /api/v1/ocr — the OCR log, newest first (IC numbers masked)
import { parseQuery, readFormData } from '@/lib/api/body';
import { withTenant } from '@/lib/api/route';
import { OCR_MAX_BYTES } from '@/lib/ocr/input';
import { ocrJobJson } from '@/lib/ocr-jobs/json';
import { listOcrJobs, ocrJobListQuerySchema } from '@/lib/ocr-jobs/list';
import { ocrJobResponse } from '@/lib/ocr-jobs/respond';
import { ocrUploadSchema, submitOcrFile, waitForOcrJob } from '@/lib/ocr-jobs/submit';

// The form around the file: field name and boundaries.
const FORM_OVERHEAD_BYTES = 64 * 1024;
// OCR runs in the job worker; the request waits this long for it (a photo takes 1–5 s on one
// core, more when the pool is busy) before answering 202 with the job to poll.
const WAIT_MS = 25_000;

export const POST = withTenant(
  async ({ req, db, ctx }) => {
    const form = await readFormData(req, OCR_MAX_BYTES + FORM_OVERHEAD_BYTES, `The file may be at most ${OCR_MAX_BYTES / 1024 / 1024} MB.`);
    const { file } = await ocrUploadSchema.parseAsync(Object.fromEntries(form));
    const submitted = await submitOcrFile(db, ctx, file);
    const respondAsync = /\brespond-async\b/i.test(req.headers.get('prefer') ?? '');
    const job = respondAsync ? submitted : await waitForOcrJob(db, ctx, submitted.id, { timeoutMs: WAIT_MS });
    return ocrJobResponse(db, ctx, job, { created: true });
  },
  { allowSession: true },
);

export const GET = withTenant(
  async ({ req, db, ctx }) => {
    const { data, nextCursor } = await listOcrJobs(db, ctx, parseQuery(req.url, ocrJobListQuerySchema));
    return Response.json({ data: data.map((job) => ocrJobJson(job, { revealIc: false })), nextCursor });
  },
  { allowSession: true },
);
