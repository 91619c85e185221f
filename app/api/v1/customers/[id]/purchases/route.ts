// GET /api/v1/customers/:id/purchases — the customer's purchases, newest receipt day first
// POST /api/v1/customers/:id/purchases — record one (POS systems: send an Idempotency-Key)
import { parseQuery, readJson } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { listQuerySchema } from '@/lib/api/pagination';
import { withTenant } from '@/lib/api/route';
import { duplicateReceiptResponse, purchaseResultJson } from '@/lib/purchases/api';
import { purchaseInputSchema } from '@/lib/purchases/input';
import { decodePurchaseCursor, encodePurchaseCursor, listCustomerPurchases, purchaseJson } from '@/lib/purchases/list';
import { recordPurchase } from '@/lib/purchases/record';

export const GET = withTenant<{ id: string }>(async ({ req, db, ctx, params }) => {
  const query = parseQuery(req.url, listQuerySchema);
  const rows = await listCustomerPurchases(db, ctx, parseId(params.id, 'customer'), { limit: query.limit + 1, after: decodePurchaseCursor(query.cursor) });
  const data = rows.slice(0, query.limit);
  const last = data.at(-1);
  return Response.json({ data: data.map(purchaseJson), nextCursor: rows.length > query.limit && last ? encodePurchaseCursor(last) : null });
});

// The same Idempotency-Key with the same body answers the first purchase again (201, with
// Idempotent-Replayed: true); with another body, 422. The same receipt twice: 409.
export const POST = withTenant<{ id: string }>(async ({ req, db, ctx, params }) => {
  const customerId = parseId(params.id, 'customer');
  const input = await readJson(req, purchaseInputSchema);
  const result = await recordPurchase(db, ctx, { ...input, customerId, idempotencyKey: req.headers.get('idempotency-key') });
  if (!result.ok) return duplicateReceiptResponse(result.existingPurchaseId);
  const headers = new Headers({ location: `/api/v1/purchases/${result.purchase.id}` });
  if (!result.created) headers.set('idempotent-replayed', 'true');
  return Response.json(purchaseResultJson(result), { status: 201, headers });
});
