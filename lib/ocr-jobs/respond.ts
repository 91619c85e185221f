import type { Database } from '@/db';
import type { OcrJob } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { type TenantContext, hasRole } from '@/lib/tenants/context';
import { readExtracted } from './extracted';
import { ocrJobJson } from './json';
import { isSettled } from './submit';

// The HTTP answer for one OCR job: 200 (201 for a new one) once it is read, 202 with Location
// while it is still queued. A full IC number (owners, admins, API keys) is written to the audit
// log before it is sent, like a reveal on the customer page, and never cached.
export async function ocrJobResponse(db: Database, ctx: TenantContext, job: OcrJob, options: { created?: boolean } = {}): Promise<Response> {
  const revealIc = hasRole(ctx, 'admin');
  if (revealIc && readExtracted(job.extracted).icCard?.icEncrypted) {
    await recordAudit(db, ctx, { action: 'ocr_job.ic_revealed', targetType: 'ocr_job', targetId: job.id });
  }
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (options.created || !isSettled(job)) headers.location = `/api/v1/ocr/${job.id}`;
  if (!isSettled(job)) return Response.json(ocrJobJson(job, { revealIc }), { status: 202, headers: { ...headers, 'retry-after': '2' } });
  return Response.json(ocrJobJson(job, { revealIc }), { status: options.created ? 201 : 200, headers });
}
