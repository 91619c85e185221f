import { Download } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { CampaignOverview } from '@/components/campaigns/campaign-overview';
import { FilterPills } from '@/components/campaigns/filter-pills';
import { recipientStatusLabels } from '@/components/campaigns/recipient-labels';
import { RecipientTable } from '@/components/campaigns/recipient-table';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { recipientStatuses } from '@/db/schema';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { listRecipients } from '@/lib/campaigns/recipients';
import { campaignReasons } from '@/lib/campaigns/stats';
import { AppError } from '@/lib/errors';
import { hasRole } from '@/lib/tenants/context';
import { loadCampaignOr404 } from './load';

export const metadata: Metadata = { title: 'Campaign' };

const PAGE_SIZE = 50;
const one = (raw: string | string[] | undefined) => (typeof raw === 'string' ? raw : undefined);

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireSessionContext();
  const db = getDb();
  const campaign = await loadCampaignOr404(db, ctx, (await params).id);
  const query = await searchParams;
  const status = recipientStatuses.find((s) => s === one(query.status));
  const cursor = one(query.cursor);
  // A cursor from an old or edited link starts again at the first recipients.
  const load = (from?: string) => listRecipients(db, ctx, campaign.id, { limit: PAGE_SIZE, cursor: from, status });
  const [recipients, reasons] = await Promise.all([
    load(cursor).catch((error: unknown) => {
      if (error instanceof AppError && cursor) return load();
      throw error;
    }),
    campaignReasons(db, ctx.tenantId, campaign.id),
  ]);
  const base = `/campaigns/${campaign.id}`;
  const href = (patch: { status?: string | null; cursor?: string | null }) => {
    const next = new URLSearchParams();
    const s = patch.status === undefined ? status : patch.status;
    if (s) next.set('status', s);
    if (patch.cursor) next.set('cursor', patch.cursor);
    const q = next.toString();
    return q ? `${base}?${q}` : base;
  };
  return (
    <>
      <PageHeader title={campaign.name} />
      <div className="grid gap-6">
        <CampaignOverview campaign={campaign} reasons={reasons} canEdit={hasRole(ctx, 'admin')} />
        <Card>
          <CardHeader className="flex flex-wrap items-start justify-between gap-2">
            <div className="grid gap-1.5">
              <CardTitle>Recipients</CardTitle>
              <CardDescription>One row per customer, with what happened to their message.</CardDescription>
            </div>
            <Button asChild variant="outline" size="sm">
              <a href={`/api/v1/campaigns/${campaign.id}/recipients?format=csv`} download>
                <Download aria-hidden="true" />
                Export CSV
              </a>
            </Button>
          </CardHeader>
          <CardContent className="grid gap-3">
            <FilterPills label="Filter recipients by status" options={recipientStatuses.map((s) => ({ value: s, label: recipientStatusLabels[s] }))} current={status ?? null} href={(s) => href({ status: s, cursor: null })} />
            {recipients.data.length === 0 ? (
              <p className="py-6 text-center text-sm text-muted-foreground">{campaign.status === 'draft' || campaign.status === 'scheduled' ? 'Recipients are chosen when the campaign starts.' : 'No recipients here.'}</p>
            ) : (
              <RecipientTable recipients={recipients.data} />
            )}
            <div className="flex gap-2">
              {cursor ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={href({ cursor: null })} scroll={false}>First page</Link>
                </Button>
              ) : null}
              {recipients.nextCursor ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={href({ cursor: recipients.nextCursor })} scroll={false}>Next page</Link>
                </Button>
              ) : null}
            </div>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
