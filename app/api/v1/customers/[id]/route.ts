// GET /api/v1/customers/:id — one customer (IC number masked)
// PATCH /api/v1/customers/:id — correct the profile: name, city, language, gender, marital status, IC number
// DELETE /api/v1/customers/:id — erase the customer for good: hard delete (owners/admins)
import { readJson } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { correctCustomer, customerCorrectionSchema } from '@/lib/customers/correction';
import { customerJson, getCustomer } from '@/lib/customers/customers';
import { hardDeleteCustomer } from '@/lib/pdpa/hard-delete';

export const GET = withTenant<{ id: string }>(async ({ db, ctx, params }) => {
  return Response.json(customerJson(await getCustomer(db, ctx, parseId(params.id, 'customer'))));
});

export const PATCH = withTenant<{ id: string }>(async ({ req, db, ctx, params }) => {
  const id = parseId(params.id, 'customer');
  const input = await readJson(req, customerCorrectionSchema);
  return Response.json(customerJson(await correctCustomer(db, ctx, id, input)));
});

export const DELETE = withTenant<{ id: string }>(
  async ({ db, ctx, params }) => {
    await hardDeleteCustomer(db, ctx, parseId(params.id, 'customer'));
    return new Response(null, { status: 204 });
  },
  { minimumRole: 'admin' },
);
