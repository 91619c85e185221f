import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { Extracted } from '@/lib/ocr-jobs/extracted';
import type { OcrJobRow } from '@/lib/ocr-jobs/list';
import { timeFormat } from './ocr-job-table';
import { confidenceText, kindLabels, outcomeLabels, sourceLabels, statusLabels, statusVariants } from './ocr-labels';

const timingNames: Record<string, string> = { waitMs: 'Waited', preprocessMs: 'Preprocessing', ocrMs: 'OCR', extractMs: 'Extraction', totalMs: 'Total' };

// Milliseconds for the work, minutes for a long wait (a photo sent while the server was down).
const duration = (ms: number) => (ms < 60_000 ? `${ms.toLocaleString('en-MY')} ms` : `${Math.round(ms / 60_000).toLocaleString('en-MY')} min`);

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

// The extracted fields as stored, minus the sealed IC number (masked beside it).
function shownJson(extracted: Extracted): string {
  const icCard = extracted.icCard && { ...extracted.icCard, icEncrypted: extracted.icCard.icEncrypted ? '(sealed)' : null };
  return JSON.stringify({ ...extracted, icCard }, null, 2);
}

// Everything the OCR log knows about one job: what happened, how long it took, what was read.
export function OcrJobDetails({ job, extracted, reviewerName }: { job: OcrJobRow; extracted: Extracted; reviewerName: string | null }) {
  return (
    <div className="grid gap-4">
      <dl className="divide-y" data-testid="ocr-job-details">
        <Row label="Status">
          <Badge variant={statusVariants[job.status]}>{statusLabels[job.status]}</Badge>
        </Row>
        <Row label="Kind">{job.kind ? kindLabels[job.kind] : '—'}</Row>
        <Row label="Confidence">{confidenceText(job.confidence)}</Row>
        <Row label="From">
          {job.customerId ? (
            <Link href={`/customers/${job.customerId}`} className="underline underline-offset-4">
              {job.customerName}
            </Link>
          ) : null}{' '}
          via {sourceLabels[job.source]}
        </Row>
        <Row label="Received">{timeFormat.format(job.createdAt)}</Row>
        {job.completedAt ? <Row label="Processed">{timeFormat.format(job.completedAt)}</Row> : null}
        {extracted.outcome ? <Row label="Outcome">{outcomeLabels[extracted.outcome]}</Row> : null}
        {extracted.replied === false ? <Row label="Reply">Not sent: the customer&apos;s 24-hour window had closed.</Row> : null}
        {job.failureReason ? <Row label="Why it failed">{job.failureReason}</Row> : null}
        {extracted.problems.length > 0 ? (
          <Row label="To check">
            <ul className="list-disc pl-4">
              {extracted.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Row>
        ) : null}
        {job.purchaseId && job.customerId ? (
          <Row label="Purchase">
            <Link href={`/customers/${job.customerId}#purchases`} className="underline underline-offset-4">
              On the customer&apos;s page
            </Link>
          </Row>
        ) : null}
        {job.reviewedAt ? (
          <Row label="Reviewed">
            {timeFormat.format(job.reviewedAt)}
            {reviewerName ? ` by ${reviewerName}` : ''}
            {job.reviewNote ? ` — “${job.reviewNote}”` : ''}
          </Row>
        ) : null}
        {job.timings ? (
          <Row label="Timings">
            {Object.entries(job.timings)
              .map(([name, ms]) => `${timingNames[name] ?? name} ${duration(ms)}`)
              .join(' · ')}
          </Row>
        ) : null}
        {extracted.steps.length > 0 ? <Row label="Preprocessing">{extracted.steps.join(', ')}</Row> : null}
      </dl>
      <details>
        <summary className="cursor-pointer text-sm font-medium">Text read ({job.text ? `${job.text.split('\n').length} lines` : 'none kept'})</summary>
        <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-muted p-3 text-xs whitespace-pre-wrap" data-testid="ocr-text">
          {job.text ?? '—'}
        </pre>
      </details>
      <details>
        <summary className="cursor-pointer text-sm font-medium">Extracted fields (JSON)</summary>
        <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-muted p-3 text-xs" data-testid="ocr-extracted">
          {shownJson(extracted)}
        </pre>
      </details>
    </div>
  );
}
