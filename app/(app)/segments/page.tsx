import { Plus, Shapes } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { SegmentTable } from '@/components/segments/segment-table';
import { PageHeader } from '@/components/shell/page-header';
import { PageLinks } from '@/components/shell/page-links';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { cursorParam, page } from '@/lib/api/pagination';
import { requireSessionContext } from '@/lib/auth/session';
import { listSegments, segmentJson } from '@/lib/segments/segments';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'Segments' };

const PAGE_SIZE = 50;

export default async function SegmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireSessionContext();
  const after = cursorParam((await searchParams).cursor);
  const result = page(await listSegments(getDb(), ctx, { limit: PAGE_SIZE + 1, after }), PAGE_SIZE, (s) => s);
  const canEdit = hasRole(ctx, 'admin');
  const create = canEdit ? (
    <Button asChild>
      <Link href="/segments/new">
        <Plus aria-hidden="true" />
        Create segment
      </Link>
    </Button>
  ) : null;
  return (
    <>
      <PageHeader title="Segments" description="Groups of customers picked by who they are and what they buy, worked out again each time they are used." actions={result.data.length > 0 || after ? create : null} />
      {result.data.length === 0 && !after ? (
        <EmptyState
          icon={Shapes}
          title="No segments yet"
          description={canEdit ? 'Build a segment from spend, age, state, tier and consent to target a campaign.' : 'Owners and admins build segments; they appear here for everyone.'}
          action={create}
        />
      ) : (
        <Card className="py-2">
          <CardContent className="grid gap-2 px-2">
            <SegmentTable segments={result.data.map(segmentJson)} />
            <PageLinks first="/segments" onFirstPage={!after} next={result.nextCursor} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
