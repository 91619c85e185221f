// GET /api/v1/customers/:id/export — everything held on the customer as a zip (owners/admins; audited)
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { exportCustomer } from '@/lib/pdpa/export';

export const GET = withTenant<{ id: string }>(
  async ({ db, ctx, params }) => {
    const out = await exportCustomer(db, ctx, parseId(params.id, 'customer'));
    return new Response(new Uint8Array(out.bytes), {
      headers: {
        'content-type': 'application/zip',
        'content-length': String(out.bytes.length),
        'content-disposition': `attachment; filename="${out.fileName}"`,
        // It holds the full IC number: never kept by a browser or proxy cache.
        'cache-control': 'no-store',
      },
    });
  },
  { minimumRole: 'admin', allowSession: true },
);
