import { Gift, Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ContestTable } from '@/components/contests/contest-table';
import { PageHeader } from '@/components/shell/page-header';
import { PageLinks } from '@/components/shell/page-links';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { cursorParam, page } from '@/lib/api/pagination';
import { requireSessionContext } from '@/lib/auth/session';
import { contestJson, listContests } from '@/lib/contests/contests';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'Contests' };

const PAGE_SIZE = 50;

export default async function ContestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireSessionContext();
  const after = cursorParam((await searchParams).cursor);
  const result = page(await listContests(getDb(), ctx, { limit: PAGE_SIZE + 1, after }), PAGE_SIZE, (s) => s.contest);
  const now = new Date();
  const canEdit = hasRole(ctx, 'admin');
  const create = canEdit ? (
    <Button asChild>
      <Link href="/contests/new">
        <Plus aria-hidden="true" />
        New contest
      </Link>
    </Button>
  ) : null;
  return (
    <>
      <PageHeader title="Contests" description="Giveaways customers enter over WhatsApp with a keyword or a receipt, drawn so anyone can check the result." actions={result.data.length > 0 || after ? create : null} />
      {result.data.length === 0 && !after ? (
        <EmptyState
          icon={Gift}
          title="No contests yet"
          description={canEdit ? 'Run a contest with a keyword or receipt entry and an auditable draw.' : 'Owners and admins create contests; they appear here for everyone.'}
          action={create}
        />
      ) : (
        <Card className="py-2">
          <CardContent className="grid gap-2 px-2">
            <ContestTable contests={result.data.map((s) => contestJson(s, now))} />
            <PageLinks first="/contests" onFirstPage={!after} next={result.nextCursor} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
