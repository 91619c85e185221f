// GET /api/v1/breaches/:id — one breach
// PATCH /api/v1/breaches/:id — record the notifications, update the details, or close it
import { readJson } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { breachJson, breachPatchSchema, getBreach, updateBreach } from '@/lib/pdpa/breaches';

export const GET = withTenant<{ id: string }>(async ({ db, ctx, params }) => Response.json(breachJson(await getBreach(db, ctx, parseId(params.id, 'breach')))), {
  minimumRole: 'admin',
});

export const PATCH = withTenant<{ id: string }>(
  async ({ req, db, ctx, params }) => {
    const id = parseId(params.id, 'breach');
    const patch = await readJson(req, breachPatchSchema);
    return Response.json(breachJson(await updateBreach(db, ctx, id, patch)));
  },
  { minimumRole: 'admin' },
);
