import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { addTestMessage, createTestConversation, createTestTenant } from '@/lib/testing/factories';
import { keepAnalyticsFresh } from './keep-fresh';
import { analyticsFreshness } from './refresh';

const test = useTestDatabase();

describe('keepAnalyticsFresh', () => {
  it('counts a small tenant before the read, and a large one after the response', async () => {
    const small = await createTestTenant(test.db);
    const later: (() => Promise<void>)[] = [];
    await keepAnalyticsFresh(test.db, small.tenantId, (task) => later.push(task));
    expect(later).toHaveLength(0);
    expect((await analyticsFreshness(test.db, small.tenantId)).due).toBe(false);
    // Fresh: nothing to do.
    await keepAnalyticsFresh(test.db, small.tenantId, (task) => later.push(task));
    expect(later).toHaveLength(0);

    const large = await createTestTenant(test.db);
    const c = await createTestConversation(test.db, large);
    await addTestMessage(test.db, large, c, { direction: 'inbound' });
    await addTestMessage(test.db, large, c, { direction: 'inbound' });
    await keepAnalyticsFresh(test.db, large.tenantId, (task) => later.push(task), { waitUpToMessages: 1 });
    expect((await analyticsFreshness(test.db, large.tenantId)).refreshedAt).toBeNull();
    expect(later).toHaveLength(1);
    await later[0]?.();
    expect((await analyticsFreshness(test.db, large.tenantId)).due).toBe(false);
  });
});
