// GET /api/v1/customers/:id/consents — consent history, newest first; POST — record a change
import { parseQuery, readJson } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { decodeCursor, listQuerySchema } from '@/lib/api/pagination';
import { withTenant } from '@/lib/api/route';
import { changeConsent, consentHistoryPage, manualConsentSchema } from '@/lib/consent/manual';

export const GET = withTenant<{ id: string }>(
  async ({ req, db, ctx, params }) => {
    const query = parseQuery(req.url, listQuerySchema);
    return Response.json(await consentHistoryPage(db, ctx, parseId(params.id, 'customer'), { limit: query.limit, after: decodeCursor(query.cursor) }));
  },
  { allowSession: true },
);

// A reason is required; owners and admins only.
export const POST = withTenant<{ id: string }>(
  async ({ req, db, ctx, params }) => {
    const customerId = parseId(params.id, 'customer');
    const input = await readJson(req, manualConsentSchema);
    return Response.json(await changeConsent(db, ctx, customerId, input), { status: 201 });
  },
  { allowSession: true, minimumRole: 'admin' },
);
