import { ChevronRight, ScrollText } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { OcrHeader } from '@/components/ocr/ocr-header';
import { OcrJobTable } from '@/components/ocr/ocr-job-table';
import { type OcrLogParams, OcrLogFilters } from '@/components/ocr/ocr-log-filters';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { decodeCursor } from '@/lib/api/pagination';
import { requireSessionContext } from '@/lib/auth/session';
import { listOcrJobs, ocrJobListQuerySchema } from '@/lib/ocr-jobs/list';

export const metadata: Metadata = { title: 'OCR log' };

const PAGE_SIZE = 50;

type Search = OcrLogParams & { cursor?: string };

const hrefWith = (params: Search) => `/ocr/log?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString()}`;

// A cursor this page did not make starts from the newest.
function validCursor(raw: string | undefined): string | undefined {
  try {
    return decodeCursor(raw) ? raw : undefined;
  } catch {
    return undefined;
  }
}

// Every OCR attempt, newest first, with filters in the URL and keyset pages.
export default async function OcrLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireSessionContext();
  const raw = await searchParams;
  const params: OcrLogParams = { status: raw.status, kind: raw.kind, source: raw.source };
  // A hand-edited URL with an unknown value shows everything rather than an error page.
  const parsed = ocrJobListQuerySchema.safeParse({ ...params, cursor: validCursor(raw.cursor), limit: PAGE_SIZE });
  const query = parsed.success ? parsed.data : ocrJobListQuerySchema.parse({ limit: PAGE_SIZE });
  const { data, nextCursor } = await listOcrJobs(getDb(), ctx, query);
  return (
    <>
      <OcrHeader ctx={ctx} />
      <Card>
        <CardContent className="overflow-x-auto pt-6">
          <OcrLogFilters params={params} />
          {data.length === 0 ? (
            <EmptyState icon={ScrollText} titleAs="h3" title="No OCR jobs" description="Every photo read by OCR — from WhatsApp or the API — is logged here." />
          ) : (
            <OcrJobTable jobs={data} />
          )}
          <nav aria-label="Pages" className="mt-4 flex justify-end gap-2">
            {query.cursor ? (
              <Button asChild variant="outline" size="sm">
                <Link href={hrefWith(params)}>Newest</Link>
              </Button>
            ) : null}
            {nextCursor ? (
              <Button asChild variant="outline" size="sm">
                <Link href={hrefWith({ ...params, cursor: nextCursor })} rel="next">
                  Older
                  <ChevronRight aria-hidden="true" />
                </Link>
              </Button>
            ) : null}
          </nav>
        </CardContent>
      </Card>
    </>
  );
}
