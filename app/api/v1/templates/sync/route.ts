// POST /api/v1/templates/sync — pull a cloud channel's templates and their review status from Meta
import { readJson } from '@/lib/api/body';
import { withTenant } from '@/lib/api/route';
import { syncTemplates } from '@/lib/templates/meta';
import { templateSyncInputSchema } from '@/lib/templates/schema';

export const POST = withTenant(
  async ({ req, db, ctx }) => {
    const { channelId } = await readJson(req, templateSyncInputSchema);
    return Response.json(await syncTemplates(db, ctx, channelId));
  },
  { minimumRole: 'admin' },
);
