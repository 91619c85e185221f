// POST /api/v1/customers/:id/anonymize — erase the customer by anonymisation (owners/admins, with a reason)
import { readJson } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { anonymizeCustomer, anonymizeInputSchema, anonymizeResultJson } from '@/lib/pdpa/anonymize';

export const POST = withTenant<{ id: string }>(
  async ({ req, db, ctx, params }) => {
    const id = parseId(params.id, 'customer');
    const input = await readJson(req, anonymizeInputSchema);
    return Response.json(anonymizeResultJson(await anonymizeCustomer(db, ctx, id, input)));
  },
  { minimumRole: 'admin' },
);
