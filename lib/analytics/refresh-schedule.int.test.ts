import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { analyticsState, jobs } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { createTestTenant } from '@/lib/testing/factories';
import { nextHour, runScheduledAnalyticsRefresh, startAnalyticsChain } from './refresh-schedule';

const test = useTestDatabase();

describe('hourly analytics refresh (embedded chain)', () => {
  it('starts one chain per tenant and hour; each run books the next hour first, then recounts', async () => {
    const shop = await createTestTenant(test.db);
    const now = new Date('2026-03-10T04:20:00Z');
    await startAnalyticsChain(test.db, shop.tenantId, now);
    await startAnalyticsChain(test.db, shop.tenantId, now);
    const booked = (hour: string) => test.db.select({ runAt: jobs.runAt }).from(jobs).where(and(eq(jobs.name, 'analytics/refresh'), eq(jobs.dedupeKey, `analytics-refresh:${shop.tenantId}:${hour}`)));
    expect(nextHour(now)).toBe('2026-03-10T05:00:00.000Z');
    expect(await booked('2026-03-10T05:00:00.000Z')).toEqual([{ runAt: new Date('2026-03-10T05:05:00Z') }]);

    const runAt = new Date('2026-03-10T05:05:00Z');
    await runScheduledAnalyticsRefresh(test.db, { tenantId: shop.tenantId, hour: '2026-03-10T05:00:00.000Z' }, runAt);
    expect(await booked('2026-03-10T06:00:00.000Z')).toHaveLength(1);
    const [state] = await test.db.select().from(analyticsState).where(eq(analyticsState.tenantId, shop.tenantId));
    expect(state?.refreshedAt).toEqual(runAt);
  });
});
