import { ArrowLeft, FileText } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { IcReviewForm } from '@/components/ocr/ic-review-form';
import { OcrJobDetails } from '@/components/ocr/ocr-job-details';
import { ReceiptReviewForm } from '@/components/ocr/receipt-review-form';
import { RejectButton } from '@/components/ocr/reject-button';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { recordAudit } from '@/lib/audit';
import { requireSessionContext } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { readExtracted, revealIcNumber } from '@/lib/ocr-jobs/extracted';
import { getOcrJob } from '@/lib/ocr-jobs/list';
import { hasRole } from '@/lib/tenants/context';
import { findUserById } from '@/lib/users/users';

export const metadata: Metadata = { title: 'OCR job' };

const uuid = z.uuid();

// Another tenant's job, an unknown or malformed id: not found alike.
async function load(id: string) {
  const ctx = await requireSessionContext();
  if (!uuid.safeParse(id).success) notFound();
  try {
    return { ctx, job: await getOcrJob(getDb(), ctx, id) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

function FilePreview({ mediaId, isPdf }: { mediaId: string | null; isPdf: boolean }) {
  if (!mediaId) return <p className="text-sm text-muted-foreground">The file was not kept (it could not be received, or was erased).</p>;
  const src = `/api/media/${mediaId}`;
  if (isPdf) {
    return (
      <Button asChild variant="outline">
        <a href={src} target="_blank" rel="noreferrer">
          <FileText aria-hidden="true" />
          Open the PDF
        </a>
      </Button>
    );
  }
  return (
    <a href={src} target="_blank" rel="noreferrer" title="Open the full-size photo">
      <img src={src} alt="The photo the customer sent" className="max-h-[75vh] w-full rounded-md border object-contain" data-testid="ocr-photo" />
    </a>
  );
}

// One OCR job: the photo beside what was read. While it waits for review, the fields are a
// form (receipts for everyone, IC cards for owners and admins); afterwards, the record.
export default async function OcrJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, job } = await load((await params).id);
  const extracted = readExtracted(job.extracted);
  const admin = hasRole(ctx, 'admin');
  const reviewable = job.status === 'review' && (job.kind === 'receipt' || (job.kind === 'ic_card' && admin));
  // The full number is shown to owners and admins only while they decide; each showing is logged.
  const icNumber = reviewable && job.kind === 'ic_card' ? revealIcNumber(extracted.icCard) : null;
  if (icNumber) await recordAudit(getDb(), ctx, { action: 'ocr_job.ic_revealed', targetType: 'ocr_job', targetId: job.id });
  const reviewer = job.reviewedByUserId ? await findUserById(getDb(), job.reviewedByUserId) : null;
  const receipt = extracted.receipt;
  const isPdf = job.fileType === 'application/pdf';

  return (
    <div className="grid gap-6">
      <div>
        <Button asChild variant="ghost" size="sm">
          <Link href={job.status === 'review' ? '/ocr' : '/ocr/log'}>
            <ArrowLeft aria-hidden="true" />
            {job.status === 'review' ? 'To review' : 'OCR log'}
          </Link>
        </Button>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle role="heading" aria-level={2}>
              {job.kind === 'ic_card' ? 'IC card' : job.kind === 'receipt' ? 'Receipt' : 'File'}
              {job.customerName ? ` from ${job.customerName}` : ''}
            </CardTitle>
          </CardHeader>
          <CardContent>
            <FilePreview mediaId={job.mediaId} isPdf={isPdf} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle role="heading" aria-level={2}>
              {reviewable ? 'Check and approve' : 'What happened'}
            </CardTitle>
            {reviewable ? <CardDescription>Correct anything read wrong, then approve. The customer is told either way.</CardDescription> : null}
            {job.status === 'review' && !reviewable ? <CardDescription>IC cards are reviewed by owners and admins.</CardDescription> : null}
          </CardHeader>
          <CardContent className="grid gap-6">
            {reviewable && job.kind === 'receipt' ? (
              <ReceiptReviewForm
                id={job.id}
                draft={{
                  merchant: receipt?.merchant ?? null,
                  date: receipt?.date ?? null,
                  total: receipt?.total ?? null,
                  tax: receipt?.tax ?? null,
                  rounding: receipt?.rounding ?? null,
                  receiptNumber: receipt?.receiptNumber ?? null,
                  paymentMethod: receipt?.paymentMethod ?? null,
                  items: receipt?.items ?? [],
                }}
              />
            ) : null}
            {reviewable && job.kind === 'ic_card' ? <IcReviewForm id={job.id} icNumber={icNumber} name={extracted.icCard?.name ?? null} /> : null}
            {reviewable ? (
              <div className="border-t pt-4">
                <RejectButton id={job.id} kind={job.kind === 'ic_card' ? 'ic_card' : 'receipt'} />
              </div>
            ) : null}
            <OcrJobDetails job={job} extracted={extracted} reviewerName={reviewer?.name ?? null} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
