// GET /api/v1/campaigns/:id — one campaign with its status and stats
// PATCH /api/v1/campaigns/:id — change a draft or scheduled campaign (owners and admins)
// DELETE /api/v1/campaigns/:id — delete a draft (owners and admins)
import { readJson } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { deleteCampaign, getCampaign, updateCampaign } from '@/lib/campaigns/campaigns';
import { campaignUpdateSchema } from '@/lib/campaigns/schema';

export const GET = withTenant<{ id: string }>(async ({ db, ctx, params }) => Response.json(await getCampaign(db, ctx, parseId(params.id, 'campaign'))), { allowSession: true });

export const PATCH = withTenant<{ id: string }>(
  async ({ req, db, ctx, params }) => {
    const id = parseId(params.id, 'campaign');
    return Response.json(await updateCampaign(db, ctx, id, await readJson(req, campaignUpdateSchema)));
  },
  { minimumRole: 'admin', allowSession: true },
);

export const DELETE = withTenant<{ id: string }>(
  async ({ db, ctx, params }) => {
    await deleteCampaign(db, ctx, parseId(params.id, 'campaign'));
    return new Response(null, { status: 204 });
  },
  { minimumRole: 'admin', allowSession: true },
);
