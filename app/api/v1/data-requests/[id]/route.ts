// GET /api/v1/data-requests/:id — one data-subject request
// PATCH /api/v1/data-requests/:id — add notes, or complete or reject it (once)
import { readJson } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { dataRequestJson, dataRequestPatchSchema, getDataRequest, updateDataRequest } from '@/lib/pdpa/requests';

export const GET = withTenant<{ id: string }>(
  async ({ db, ctx, params }) => Response.json(dataRequestJson(await getDataRequest(db, ctx, parseId(params.id, 'data request')))),
  { minimumRole: 'admin' },
);

export const PATCH = withTenant<{ id: string }>(
  async ({ req, db, ctx, params }) => {
    const id = parseId(params.id, 'data request');
    const patch = await readJson(req, dataRequestPatchSchema);
    return Response.json(dataRequestJson(await updateDataRequest(db, ctx, id, patch)));
  },
  { minimumRole: 'admin' },
);
