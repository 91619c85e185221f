import type { Metadata } from 'next';
import { CampaignBuilder } from '@/components/campaigns/campaign-builder';
import { emptyDraft } from '@/components/campaigns/campaign-draft';
import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { OPT_OUT_LINE } from '@/lib/campaigns/render';
import { hasRole } from '@/lib/tenants/context';
import { loadBuilderChoices } from '../builder-data';

export const metadata: Metadata = { title: 'New campaign' };

export default async function NewCampaignPage() {
  const ctx = await requireSessionContext();
  if (!hasRole(ctx, 'admin')) return <Forbidden what="Creating campaigns" />;
  const choices = await loadBuilderChoices(getDb(), ctx);
  return (
    <>
      <PageHeader title="New campaign" description="Five short steps; nothing is sent until you launch it, and a draft can be saved at any step." />
      <CampaignBuilder campaignId={null} initial={emptyDraft(choices.channels[0]?.id ?? '')} {...choices} optOutLine={OPT_OUT_LINE} />
    </>
  );
}
