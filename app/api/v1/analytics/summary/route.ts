// GET /api/v1/analytics/summary — the headline figures for a range of Malaysian days, with the previous period
import { after } from 'next/server';
import { parseQuery } from '@/lib/api/body';
import { withTenant } from '@/lib/api/route';
import { keepAnalyticsFresh } from '@/lib/analytics/keep-fresh';
import { analyticsRangeSchema } from '@/lib/analytics/schema';
import { analyticsSummary } from '@/lib/analytics/summary';

export const GET = withTenant(
  async ({ req, db, ctx }) => {
    const range = parseQuery(req.url, analyticsRangeSchema);
    await keepAnalyticsFresh(db, ctx.tenantId, after);
    return Response.json(await analyticsSummary(db, { tenantId: ctx.tenantId, ...range }));
  },
  { allowSession: true },
);
