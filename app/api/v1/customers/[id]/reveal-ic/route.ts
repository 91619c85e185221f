// POST /api/v1/customers/:id/reveal-ic — the full IC number, for owners, admins and API keys; logged
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { revealCustomerIc } from '@/lib/customers/reveal-ic';

export const POST = withTenant<{ id: string }>(
  async ({ db, ctx, params }) => {
    const revealed = await revealCustomerIc(db, ctx, parseId(params.id, 'customer'));
    // The number must not sit in a browser or proxy cache.
    return Response.json(revealed, { headers: { 'cache-control': 'no-store' } });
  },
  { allowSession: true },
);
