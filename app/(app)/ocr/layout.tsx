import { OcrNav } from '@/components/ocr/ocr-nav';
import { PageHeader } from '@/components/shell/page-header';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { countInReview } from '@/lib/ocr-jobs/list';

// Receipts and IC cards read by OCR: the review queue and the log, for every member (IC cards
// are decided, and shown in full, by owners and admins only).
export default async function OcrLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireSessionContext();
  const inReview = await countInReview(getDb(), ctx);
  return (
    <>
      <PageHeader title="Receipts & IC cards" description="Photos customers send on WhatsApp (and files sent to the API), read by OCR. Unsure reads wait here for a person." />
      <OcrNav inReview={inReview} />
      {children}
    </>
  );
}
