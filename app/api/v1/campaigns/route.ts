// GET /api/v1/campaigns — the tenant's campaigns, newest first, with their stats (?status= filters)
// POST /api/v1/campaigns — save a draft campaign (owners and admins)
import { parseQuery, readJson } from '@/lib/api/body';
import { withTenant } from '@/lib/api/route';
import { createCampaign, listCampaigns } from '@/lib/campaigns/campaigns';
import { campaignCreateSchema, campaignListQuerySchema } from '@/lib/campaigns/schema';

export const GET = withTenant(async ({ req, db, ctx }) => Response.json(await listCampaigns(db, ctx, parseQuery(req.url, campaignListQuerySchema))), { allowSession: true });

export const POST = withTenant(
  async ({ req, db, ctx }) => Response.json(await createCampaign(db, ctx, await readJson(req, campaignCreateSchema)), { status: 201 }),
  { minimumRole: 'admin', allowSession: true },
);
