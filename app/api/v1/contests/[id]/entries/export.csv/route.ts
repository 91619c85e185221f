// GET /api/v1/contests/:id/entries/export.csv — every entry as CSV, times in MYT (owners and admins)
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { entriesCsv } from '@/lib/contests/entries-csv';
import { todayInMalaysia } from '@/lib/mykad';

export const GET = withTenant<{ id: string }>(
  async ({ db, ctx, params }) =>
    new Response(await entriesCsv(db, ctx, parseId(params.id, 'contest')), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="contest-entries-${todayInMalaysia()}.csv"`,
        'cache-control': 'no-store',
      },
    }),
  { allowSession: true, minimumRole: 'admin' },
);
