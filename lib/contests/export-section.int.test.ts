import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCustomer } from '@/lib/pdpa/export';
import { createLocalStorage } from '@/lib/storage/local';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestConversation, createTestTenant } from '@/lib/testing/factories';
import { drawContest } from './draw';
import { createEntry, customerContestEntries } from './entries';
import { createTestContest } from './test-helpers';

const test = useTestDatabase({ asAppDatabase: true });
let shop: MemberContext;
let dir: string;

beforeAll(async () => {
  shop = await createTestTenant(test.db);
  dir = await mkdtemp(path.join(tmpdir(), 'sembang-contest-export-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const csvLines = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes).trim().split('\r\n');

describe('a customer’s contest entries (PDPA export bundle, customer page)', () => {
  it("carries the customer's contest entries and the prize they won", async () => {
    const { customerId } = await createTestConversation(test.db, shop);
    const contest = await createTestContest(test.db, shop, { startsAt: new Date(Date.now() - 7_200_000), endsAt: new Date(Date.now() - 60_000) });
    const entered = await test.db.transaction((tx) => createEntry(tx, contest, { customerId, now: new Date(Date.now() - 3_600_000) }));
    await drawContest(test.db, shop, contest.id);

    const zip = unzipSync((await exportCustomer(test.db, shop, customerId, { storage: createLocalStorage(dir) })).bytes);
    const lines = csvLines(zip['contest-entries.csv']);
    expect(lines[0]).toBe('contest,entryId,enteredAt,status,disqualifiedReason,purchaseId,prize,claimStatus');
    if (entered.outcome !== 'entered') throw new Error('the entry was not created');
    // The customer page lists the same entry with its prize.
    expect(await customerContestEntries(test.db, shop, customerId)).toEqual([expect.objectContaining({ code: entered.entry.code, contestName: 'Raya Giveaway', prize: 'Hamper Raya' })]);
    expect(await customerContestEntries(test.db, { tenantId: (await createTestTenant(test.db, 'Other')).tenantId }, customerId)).toEqual([]);
    expect(lines[1]).toMatch(new RegExp(`^Raya Giveaway,${entered.entry.code},.*,valid,,,Hamper Raya,(pending|notified)$`));
  });

  it('has no contest file for a customer who never entered', async () => {
    const { customerId } = await createTestConversation(test.db, shop);
    const zip = unzipSync((await exportCustomer(test.db, shop, customerId, { storage: createLocalStorage(dir) })).bytes);
    expect(zip['contest-entries.csv']).toBeUndefined();
  });
});
