import { PageHeader } from '@/components/shell/page-header';
import { getDb } from '@/db';
import { countInReview } from '@/lib/ocr-jobs/list';
import type { TenantContext } from '@/lib/tenants/context';
import { OcrNav } from './ocr-nav';

// The title and the To review | OCR log tabs, with the count of what waits. Rendered by each
// page (not a layout), so the count is fresh after a decision navigates back to the queue.
export async function OcrHeader({ ctx }: { ctx: Pick<TenantContext, 'tenantId'> }) {
  const inReview = await countInReview(getDb(), ctx);
  return (
    <>
      <PageHeader title="Receipts & IC cards" description="Photos customers send on WhatsApp (and files sent to the API), read by OCR. Unsure reads wait here for a person." />
      <OcrNav inReview={inReview} />
    </>
  );
}
