import { ScanText } from 'lucide-react';
import type { Metadata } from 'next';
import { OcrHeader } from '@/components/ocr/ocr-header';
import { OcrJobTable } from '@/components/ocr/ocr-job-table';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { reviewQueue } from '@/lib/ocr-jobs/list';

export const metadata: Metadata = { title: 'To review' };

const SHOWN = 100;

// The review queue, oldest first: first sent, first checked.
export default async function ReviewQueuePage() {
  const ctx = await requireSessionContext();
  const { rows, total } = await reviewQueue(getDb(), ctx, SHOWN);
  return (
    <>
      <OcrHeader ctx={ctx} />
      <Card>
        <CardHeader>
          <CardTitle role="heading" aria-level={2}>
            To review ({total})
          </CardTitle>
          <CardDescription>
            Receipts and IC cards OCR was not sure about. Open one to see the photo beside what was read, correct it and approve, or reject it with a note. The customer is told either way.
          </CardDescription>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          {rows.length === 0 ? (
            <EmptyState icon={ScanText} titleAs="h3" title="Nothing to review" description="Photos OCR is unsure about appear here." />
          ) : (
            <>
              <OcrJobTable jobs={rows} />
              {total > rows.length ? <p className="mt-3 text-sm text-muted-foreground">The oldest {rows.length} of {total} are shown.</p> : null}
            </>
          )}
        </CardContent>
      </Card>
    </>
  );
}
