// GET /api/v1/analytics/timeseries — one metric per Malaysian day over a range
import { after } from 'next/server';
import { parseQuery } from '@/lib/api/body';
import { withTenant } from '@/lib/api/route';
import { keepAnalyticsFresh } from '@/lib/analytics/keep-fresh';
import { timeseriesQuerySchema } from '@/lib/analytics/schema';
import { analyticsTimeseries } from '@/lib/analytics/timeseries';

export const GET = withTenant(
  async ({ req, db, ctx }) => {
    const { metric, interval, from, to, channelId } = parseQuery(req.url, timeseriesQuerySchema);
    await keepAnalyticsFresh(db, ctx.tenantId, after);
    const data = await analyticsTimeseries(db, { tenantId: ctx.tenantId, from, to, channelId }, metric);
    return Response.json({ metric, interval, from, to, channelId, data });
  },
  { allowSession: true },
);
