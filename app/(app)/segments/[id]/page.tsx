import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SegmentBuilder } from '@/components/segments/segment-builder';
import { PageHeader } from '@/components/shell/page-header';
import { getDb } from '@/db';
import { parseId } from '@/lib/api/ids';
import { requireSessionContext } from '@/lib/auth/session';
import { contestChoices } from '@/lib/contests/contests';
import { AppError } from '@/lib/errors';
import { previewSegment } from '@/lib/segments/preview';
import { getSegment, segmentJson } from '@/lib/segments/segments';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'Segment' };

export default async function SegmentPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireSessionContext();
  const { id } = await params;
  const db = getDb();
  // A malformed id names nothing, like an unknown one.
  const segment = await Promise.resolve()
    .then(() => getSegment(db, ctx, parseId(id, 'segment')))
    .catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') notFound();
      throw error;
    });
  const [preview, contests] = await Promise.all([previewSegment(db, ctx, segment.criteria), contestChoices(db, ctx)]);
  return (
    <>
      <PageHeader title={segment.name} description={segment.description ?? 'Who matches is worked out again each time the segment is used.'} />
      {/* Saving refreshes the page; the key starts the builder afresh from what was saved. */}
      <SegmentBuilder key={segment.updatedAt.toISOString()} segment={segmentJson(segment)} initialPreview={preview} canEdit={hasRole(ctx, 'admin')} contests={contests} />
    </>
  );
}
