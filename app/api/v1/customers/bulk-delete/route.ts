// POST /api/v1/customers/bulk-delete — erase up to 500 customers for good (owner/admin)
import { readJson } from '@/lib/api/body';
import { withTenant } from '@/lib/api/route';
import { bulkDeleteInputSchema, deleteCustomers } from '@/lib/customers/delete';

export const POST = withTenant(
  async ({ req, db, ctx }) => {
    const input = await readJson(req, bulkDeleteInputSchema);
    return Response.json(await deleteCustomers(db, ctx, input.customerIds));
  },
  { minimumRole: 'admin' },
);
