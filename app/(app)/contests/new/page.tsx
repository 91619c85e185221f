import type { Metadata } from 'next';
import { ContestForm } from '@/components/contests/contest-form';
import { emptyDraft } from '@/components/contests/contest-draft';
import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { listSegments } from '@/lib/segments/segments';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'New contest' };

export default async function NewContestPage() {
  const ctx = await requireSessionContext();
  if (!hasRole(ctx, 'admin')) return <Forbidden what="Creating contests" />;
  const segments = await listSegments(getDb(), ctx, { limit: 200 });
  return (
    <>
      <PageHeader title="New contest" description="Times are Malaysian time. Customers enter over WhatsApp and get a confirmation with their entry ID." />
      <ContestForm contestId={null} initial={emptyDraft()} segments={segments.map((s) => ({ id: s.id, name: s.name }))} />
    </>
  );
}
