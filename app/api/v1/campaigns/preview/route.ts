// POST /api/v1/campaigns/preview — the message as one customer (given, else the newest) would receive it
import { readJson } from '@/lib/api/body';
import { withTenant } from '@/lib/api/route';
import { previewCampaign } from '@/lib/campaigns/render';
import { campaignPreviewSchema } from '@/lib/campaigns/schema';

export const POST = withTenant(async ({ req, db, ctx }) => Response.json(await previewCampaign(db, ctx, await readJson(req, campaignPreviewSchema))), { allowSession: true });
