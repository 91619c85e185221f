import type { Metadata } from 'next';
import { SegmentBuilder } from '@/components/segments/segment-builder';
import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { contestChoices } from '@/lib/contests/contests';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'New segment' };

export default async function NewSegmentPage() {
  const ctx = await requireSessionContext();
  if (!hasRole(ctx, 'admin')) return <Forbidden what="Creating segments" />;
  const contests = await contestChoices(getDb(), ctx);
  return (
    <>
      <PageHeader title="New segment" description="Pick customers by who they are and what they buy; the count updates as you go." />
      <SegmentBuilder segment={null} initialPreview={null} canEdit contests={contests} />
    </>
  );
}
