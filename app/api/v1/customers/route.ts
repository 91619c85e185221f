// GET /api/v1/customers — customers, newest first; ?phone= finds one by number
import { parseQuery } from '@/lib/api/body';
import { decodeCursor, page } from '@/lib/api/pagination';
import { withTenant } from '@/lib/api/route';
import { customerJson, customerListQuerySchema, listCustomers } from '@/lib/customers/customers';

export const GET = withTenant(async ({ req, db, ctx }) => {
  const query = parseQuery(req.url, customerListQuerySchema);
  const rows = await listCustomers(db, ctx, { limit: query.limit + 1, after: decodeCursor(query.cursor), phone: query.phone, search: query.search });
  const result = page(rows, query.limit, (c) => c);
  return Response.json({ data: result.data.map(customerJson), nextCursor: result.nextCursor });
});
