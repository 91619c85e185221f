import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { CampaignBuilder } from '@/components/campaigns/campaign-builder';
import { campaignToDraft } from '@/components/campaigns/campaign-draft';
import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { OPT_OUT_LINE } from '@/lib/campaigns/render';
import { hasRole } from '@/lib/tenants/context';
import { draftMediaFile, loadBuilderChoices, pickedCustomers } from '../../builder-data';
import { loadCampaignOr404 } from '../load';

export const metadata: Metadata = { title: 'Edit campaign' };

// Drafts and scheduled campaigns open in the builder again; the others only on their page.
export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireSessionContext();
  if (!hasRole(ctx, 'admin')) return <Forbidden what="Changing campaigns" />;
  const db = getDb();
  const campaign = await loadCampaignOr404(db, ctx, (await params).id);
  if (campaign.status !== 'draft' && campaign.status !== 'scheduled') redirect(`/campaigns/${campaign.id}`);
  const { audience } = campaign;
  const [choices, people, mediaFile] = await Promise.all([
    loadBuilderChoices(db, ctx),
    pickedCustomers(db, ctx, [...(audience.customerIds ?? []), ...(audience.excludeCustomerIds ?? [])]),
    draftMediaFile(db, ctx, campaign.message),
  ]);
  if (!choices.channels.some((c) => c.id === campaign.channelId)) notFound();
  return (
    <>
      <PageHeader title={`Edit “${campaign.name}”`} description="Changes are saved to the draft; launching starts it." />
      <CampaignBuilder campaignId={campaign.id} initial={campaignToDraft(campaign, people, mediaFile)} {...choices} optOutLine={OPT_OUT_LINE} />
    </>
  );
}
