// GET /api/v1/purchases/:id — one purchase
// PATCH /api/v1/purchases/:id — correct it (owners/admins); spend and tier follow
// DELETE /api/v1/purchases/:id — delete it (owners/admins); spend and tier follow
import { readJson } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { duplicateReceiptResponse, purchaseResultJson } from '@/lib/purchases/api';
import { correctPurchase, deletePurchase } from '@/lib/purchases/corrections';
import { purchasePatchSchema } from '@/lib/purchases/input';
import { getPurchase, purchaseJson } from '@/lib/purchases/list';

export const GET = withTenant<{ id: string }>(async ({ db, ctx, params }) => {
  return Response.json(purchaseJson(await getPurchase(db, ctx, parseId(params.id, 'purchase'))));
});

export const PATCH = withTenant<{ id: string }>(
  async ({ req, db, ctx, params }) => {
    const id = parseId(params.id, 'purchase');
    const result = await correctPurchase(db, ctx, id, await readJson(req, purchasePatchSchema));
    return result.ok ? Response.json(purchaseResultJson(result)) : duplicateReceiptResponse(result.existingPurchaseId);
  },
  { minimumRole: 'admin' },
);

export const DELETE = withTenant<{ id: string }>(
  async ({ db, ctx, params }) => {
    await deletePurchase(db, ctx, parseId(params.id, 'purchase'));
    return new Response(null, { status: 204 });
  },
  { minimumRole: 'admin' },
);
