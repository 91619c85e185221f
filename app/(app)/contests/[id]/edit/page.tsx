import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ContestForm } from '@/components/contests/contest-form';
import { draftFromContest } from '@/components/contests/contest-draft';
import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { getDb } from '@/db';
import { parseId } from '@/lib/api/ids';
import { requireSessionContext } from '@/lib/auth/session';
import { contestJson, getContest } from '@/lib/contests/contests';
import { AppError } from '@/lib/errors';
import { listSegments } from '@/lib/segments/segments';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'Edit contest' };

export default async function EditContestPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireSessionContext();
  if (!hasRole(ctx, 'admin')) return <Forbidden what="Editing contests" />;
  const db = getDb();
  const { id } = await params;
  // A malformed id names nothing, like an unknown one.
  const summary = await Promise.resolve()
    .then(() => getContest(db, ctx, parseId(id, 'contest')))
    .catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') notFound();
      throw error;
    });
  const contest = contestJson(summary);
  if (contest.status === 'drawn') return <Forbidden what="Changing a drawn contest" />;
  const segments = await listSegments(db, ctx, { limit: 200 });
  return (
    <>
      <PageHeader title={`Edit “${contest.name}”`} description="Times are Malaysian time. Changes apply to entries from now on." />
      <ContestForm contestId={contest.id} initial={draftFromContest(contest)} segments={segments.map((s) => ({ id: s.id, name: s.name }))} />
    </>
  );
}
