import { Download, Pencil } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ContestStatusBadge } from '@/components/contests/contest-status-badge';
import { DeleteContestButton } from '@/components/contests/delete-contest-button';
import { entryMethodLabel, formatMyt } from '@/components/contests/contest-format';
import { DrawPanel } from '@/components/contests/draw-panel';
import { EntriesPerDayChart } from '@/components/contests/entries-per-day-chart';
import { EntryTable } from '@/components/contests/entry-table';
import { WinnerTable } from '@/components/contests/winner-table';
import { PageHeader } from '@/components/shell/page-header';
import { PageLinks } from '@/components/shell/page-links';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { parseId } from '@/lib/api/ids';
import { cursorParam, page } from '@/lib/api/pagination';
import { requireSessionContext } from '@/lib/auth/session';
import { contestJson, getContest } from '@/lib/contests/contests';
import { everyDay } from '@/lib/contests/days';
import { drawJson, getDraw } from '@/lib/contests/draw';
import { entriesPerDay, listEntries } from '@/lib/contests/entries';
import { listWinners } from '@/lib/contests/winners';
import { AppError } from '@/lib/errors';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'Contest' };

const PAGE_SIZE = 50;

const notFoundAsNull = (error: unknown) => {
  if (error instanceof AppError && error.code === 'not_found') return null;
  throw error;
};

export default async function ContestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireSessionContext();
  const { id } = await params;
  const db = getDb();
  // A malformed id names nothing, like an unknown one.
  const summary = await Promise.resolve()
    .then(() => getContest(db, ctx, parseId(id, 'contest')))
    .catch(notFoundAsNull);
  if (!summary) notFound();
  const now = new Date();
  const contest = contestJson(summary, now);
  const after = cursorParam((await searchParams).cursor);
  const [rows, perDay, draw, winners] = await Promise.all([
    listEntries(db, ctx, contest.id, { limit: PAGE_SIZE + 1, after }),
    entriesPerDay(db, ctx, contest.id),
    getDraw(db, ctx, contest.id).catch(notFoundAsNull),
    listWinners(db, ctx, contest.id),
  ]);
  const entries = page(rows, PAGE_SIZE, (r) => r.entry);
  const canEdit = hasRole(ctx, 'admin');
  const blockedBecause =
    contest.status === 'upcoming' || contest.status === 'running'
      ? `The draw opens when the contest ends (${formatMyt(contest.endsAt)}).`
      : contest.entryCount === 0
        ? 'There are no valid entries to draw from.'
        : null;
  return (
    <>
      <PageHeader
        title={contest.name}
        description={contest.description ?? undefined}
        actions={
          canEdit && contest.status !== 'drawn' ? (
            <div className="flex items-center gap-2">
              <DeleteContestButton id={contest.id} name={contest.name} />
              <Button asChild variant="outline">
                <Link href={`/contests/${contest.id}/edit`}>
                  <Pencil aria-hidden="true" />
                  Edit
                </Link>
              </Button>
            </div>
          ) : null
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardContent className="grid gap-4 text-sm sm:grid-cols-4">
            <div className="grid gap-1">
              <span className="text-muted-foreground">Status</span>
              <ContestStatusBadge status={contest.status} />
            </div>
            <div className="grid gap-1">
              <span className="text-muted-foreground">Runs (Malaysia time)</span>
              <span>
                {formatMyt(contest.startsAt)} – {formatMyt(contest.endsAt)}
              </span>
            </div>
            <div className="grid gap-1">
              <span className="text-muted-foreground">How to enter</span>
              <span>
                {entryMethodLabel(contest.entryMethod)}, up to {contest.maxEntriesPerCustomer} per customer{contest.requireConsent ? ', with marketing consent' : ''}
              </span>
            </div>
            <div className="grid gap-1">
              <span className="text-muted-foreground">Valid entries</span>
              <span className="text-2xl font-semibold tabular-nums" data-testid="contest-entries-total">
                {contest.entryCount.toLocaleString('en-MY')}
              </span>
            </div>
            <div className="grid gap-1 sm:col-span-4">
              <span className="text-muted-foreground">Prizes</span>
              <span>{contest.prizes.map((p) => `${p.quantity} × ${p.name}`).join(', ')}</span>
            </div>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Draw and winners</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4">
            <DrawPanel contestId={contest.id} draw={draw ? drawJson(draw) : null} blockedBecause={blockedBecause} canDraw={canEdit} />
            {winners.length > 0 ? <WinnerTable contestId={contest.id} winners={winners} canEdit={canEdit} /> : null}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Entries per day</CardTitle>
          </CardHeader>
          <CardContent>
            <EntriesPerDayChart days={everyDay(perDay, summary.contest.startsAt, summary.contest.endsAt, now)} />
          </CardContent>
        </Card>

        <Card className="py-2">
          <CardHeader className="flex flex-row items-center justify-between px-4 pt-2">
            <CardTitle>Entries</CardTitle>
            {canEdit ? (
              <Button asChild variant="outline" size="sm">
                <a href={`/api/v1/contests/${contest.id}/entries/export.csv`} download>
                  <Download aria-hidden="true" />
                  Export CSV
                </a>
              </Button>
            ) : null}
          </CardHeader>
          <CardContent className="grid gap-2 px-2">
            {entries.data.length === 0 ? (
              <p className="px-2 py-4 text-sm text-muted-foreground">No entries yet.</p>
            ) : (
              <EntryTable contestId={contest.id} rows={entries.data} canDisqualify={canEdit && draw === null} />
            )}
            <PageLinks first={`/contests/${contest.id}`} onFirstPage={!after} next={entries.nextCursor} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
