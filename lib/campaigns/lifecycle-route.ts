import { parseId, publicOrigin } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { getEnv } from '@/lib/env';
import { type LifecycleOptions, cancelCampaign, launchCampaign, pauseCampaign, resumeCampaign } from './lifecycle';

const actions = { launch: launchCampaign, pause: pauseCampaign, resume: resumeCampaign, cancel: cancelCampaign };

// The handler behind POST /api/v1/campaigns/:id/{launch,pause,resume,cancel} (owners and admins).
// The request's origin is where tracked links point when APP_URL is not set.
export function lifecycleRoute(action: keyof typeof actions) {
  return withTenant<{ id: string }>(
    async ({ req, db, ctx, params }) => {
      const options: LifecycleOptions = { origin: publicOrigin(req, getEnv().APP_URL) };
      return Response.json(await actions[action](db, ctx, parseId(params.id, 'campaign'), options));
    },
    { minimumRole: 'admin', allowSession: true },
  );
}
