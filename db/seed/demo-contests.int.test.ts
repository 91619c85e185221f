import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tenants } from '@/db/schema';
import { listContests } from '@/lib/contests/contests';
import { verifyContestDraw } from '@/lib/contests/draw';
import { listWinners } from '@/lib/contests/winners';
import { useTestDatabase } from '@/lib/testing/database';
import { DEMO_BUSINESS, seedDemo } from './demo';
import { seedDemoContests } from './demo-contests';

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sembang-demo-contests-'));

const test = useTestDatabase({ asAppDatabase: true });

describe('demo contests', () => {
  it('one running contest with entries and one drawn whose draw verifies, once', async () => {
    await seedDemo(test.db);
    const [tenant] = await test.db.select().from(tenants).where(eq(tenants.name, DEMO_BUSINESS));
    const ctx = { tenantId: tenant!.id, tenantName: tenant!.name, role: 'owner' as const, userId: null, apiKeyId: null };
    const byName = async () => new Map((await listContests(test.db, ctx, { limit: 10 })).map((s) => [s.contest.name, s]));
    const seeded = await byName();
    const raya = seeded.get('Raya Giveaway');
    const merdeka = seeded.get('Merdeka Draw');
    expect(raya?.drawnAt).toBeNull();
    expect(raya?.entryCount).toBeGreaterThan(3);
    expect(merdeka?.drawnAt).toBeInstanceOf(Date);
    expect(await verifyContestDraw(test.db, ctx, merdeka!.contest.id)).toMatchObject({ commitmentMatches: true, winnersMatch: true });
    const winners = await listWinners(test.db, ctx, merdeka!.contest.id);
    expect(winners.map((w) => w.prize)).toEqual(['Free kopi for a year', 'Baucar RM20', 'Baucar RM20', 'Baucar RM20']);
    expect(winners[0]?.claimStatus).toBe('claimed');

    await seedDemoContests(test.db, ctx);
    expect((await byName()).size).toBe(2);
  });
});
