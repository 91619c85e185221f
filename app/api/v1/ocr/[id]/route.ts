// GET /api/v1/ocr/:id — one OCR job: its status and, once read, the result (full IC for admins, audited)
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { getOcrJob } from '@/lib/ocr-jobs/list';
import { ocrJobResponse } from '@/lib/ocr-jobs/respond';

export const GET = withTenant<{ id: string }>(
  async ({ db, ctx, params }) => ocrJobResponse(db, ctx, await getOcrJob(db, ctx, parseId(params.id, 'OCR job'))),
  { allowSession: true },
);
