import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { readExtracted } from '@/lib/ocr-jobs/extracted';
import type { OcrJobRow } from '@/lib/ocr-jobs/list';
import { confidenceText, kindLabels, outcomeLabels, sourceLabels, statusLabels, statusVariants } from './ocr-labels';

export const timeFormat = new Intl.DateTimeFormat('en-MY', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kuala_Lumpur' });

// What happened, in a few words: the outcome, or why it failed.
function outcomeOf(job: OcrJobRow): string {
  if (job.failureReason) return job.failureReason;
  const outcome = readExtracted(job.extracted).outcome;
  return outcome ? outcomeLabels[outcome] : '';
}

// OCR jobs, each row opening the job's page (the review form when it waits for one).
export function OcrJobTable({ jobs }: { jobs: OcrJobRow[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Received</TableHead>
          <TableHead>From</TableHead>
          <TableHead>Kind</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Confidence</TableHead>
          <TableHead>Outcome</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {jobs.map((job) => (
          <TableRow key={job.id} data-testid="ocr-job">
            <TableCell className="whitespace-nowrap">
              <Link href={`/ocr/${job.id}`} className="font-medium underline-offset-4 hover:underline">
                {timeFormat.format(job.createdAt)}
              </Link>
            </TableCell>
            <TableCell>
              {job.customerId ? (
                <Link href={`/customers/${job.customerId}`} className="underline-offset-4 hover:underline">
                  {job.customerName}
                </Link>
              ) : (
                <span className="text-muted-foreground">{sourceLabels[job.source]}</span>
              )}
            </TableCell>
            <TableCell>{job.kind ? kindLabels[job.kind] : '—'}</TableCell>
            <TableCell>
              <Badge variant={statusVariants[job.status]} data-testid="ocr-status">
                {statusLabels[job.status]}
              </Badge>
            </TableCell>
            <TableCell className="text-right tabular-nums">{confidenceText(job.confidence)}</TableCell>
            <TableCell className="max-w-80 truncate text-sm text-muted-foreground" title={outcomeOf(job)}>
              {outcomeOf(job)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
