import { Megaphone, Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { CampaignTable } from '@/components/campaigns/campaign-table';
import { FilterPills } from '@/components/campaigns/filter-pills';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { campaignStatuses } from '@/db/schema';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { listCampaigns } from '@/lib/campaigns/campaigns';
import { AppError } from '@/lib/errors';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'Campaigns' };

const PAGE_SIZE = 50;
const one = (raw: string | string[] | undefined) => (typeof raw === 'string' ? raw : undefined);

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireSessionContext();
  const params = await searchParams;
  const status = campaignStatuses.find((s) => s === one(params.status));
  const cursor = one(params.cursor);
  const db = getDb();
  // A cursor from an old or edited link starts again at the newest campaigns.
  const result = await listCampaigns(db, ctx, { limit: PAGE_SIZE, cursor, status }).catch((error: unknown) => {
    if (error instanceof AppError && cursor) return listCampaigns(db, ctx, { limit: PAGE_SIZE, status });
    throw error;
  });
  const canEdit = hasRole(ctx, 'admin');
  const create = canEdit ? (
    <Button asChild>
      <Link href="/campaigns/new">
        <Plus aria-hidden="true" />
        Create campaign
      </Link>
    </Button>
  ) : null;
  const href = (patch: { status?: string | null; cursor?: string | null }) => {
    const next = new URLSearchParams();
    const s = patch.status === undefined ? status : patch.status;
    if (s) next.set('status', s);
    if (patch.cursor) next.set('cursor', patch.cursor);
    const query = next.toString();
    return query ? `/campaigns?${query}` : '/campaigns';
  };
  const empty = result.data.length === 0 && !cursor && !status;
  return (
    <>
      <PageHeader title="Campaigns" description="Messages to many customers at once, at the pace WhatsApp allows, and never to anyone who said STOP." actions={empty ? null : create} />
      {empty ? (
        <EmptyState icon={Megaphone} title="No campaigns yet" description={canEdit ? 'Pick customers with a segment, write the message and launch — or set up a birthday message that sends itself.' : 'Owners and admins create campaigns; they appear here for everyone.'} action={create} />
      ) : (
        <Card className="py-2">
          <CardContent className="grid gap-2 px-2">
            <div className="px-2 pt-1">
              <FilterPills label="Filter by status" options={campaignStatuses.map((s) => ({ value: s, label: `${s[0]?.toUpperCase()}${s.slice(1)}` }))} current={status ?? null} href={(s) => href({ status: s, cursor: null })} />
            </div>
            {result.data.length === 0 ? <p className="px-2 py-6 text-center text-sm text-muted-foreground">No {status} campaigns.</p> : <CampaignTable campaigns={result.data} />}
            <div className="flex gap-2 px-2 pb-1">
              {cursor ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={href({ cursor: null })}>Newest</Link>
                </Button>
              ) : null}
              {result.nextCursor ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={href({ cursor: result.nextCursor })}>Older</Link>
                </Button>
              ) : null}
            </div>
          </CardContent>
        </Card>
      )}
    </>
  );
}
