// GET /api/v1/customers/export.csv — the customers matching the list's filters as CSV (IC masked)
import { parseQuery } from '@/lib/api/body';
import { withTenant } from '@/lib/api/route';
import { exportCustomersCsv } from '@/lib/customers/export-csv';
import { customerListQuerySchema } from '@/lib/customers/list-query';
import { todayInMalaysia } from '@/lib/mykad';

export const GET = withTenant(
  async ({ req, db, ctx }) => {
    const query = parseQuery(req.url, customerListQuerySchema);
    const body = await exportCustomersCsv(db, ctx, query);
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="customers-${todayInMalaysia()}.csv"`,
        'cache-control': 'no-store',
      },
    });
  },
  { allowSession: true, minimumRole: 'admin' },
);
