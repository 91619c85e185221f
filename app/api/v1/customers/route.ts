// GET /api/v1/customers — customers, filtered, searched and sorted (newest first by default); ?phone= finds one by number
import { parseQuery } from '@/lib/api/body';
import { withTenant } from '@/lib/api/route';
import { customerJson } from '@/lib/customers/customers';
import { listCustomers } from '@/lib/customers/list';
import { customerListQuerySchema } from '@/lib/customers/list-query';

export const GET = withTenant(async ({ req, db, ctx }) => {
  const query = parseQuery(req.url, customerListQuerySchema);
  const page = await listCustomers(db, ctx, query);
  const now = new Date();
  return Response.json({ data: page.rows.map((row) => customerJson(row, now)), nextCursor: page.nextCursor });
});
