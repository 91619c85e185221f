// GET /api/v1/customers/:id — one customer
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { customerJson, getCustomer } from '@/lib/customers/customers';

export const GET = withTenant<{ id: string }>(async ({ db, ctx, params }) => {
  return Response.json(customerJson(await getCustomer(db, ctx, parseId(params.id, 'customer'))));
});
