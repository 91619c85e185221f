import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCustomer } from '@/lib/pdpa/export';
import { createLocalStorage } from '@/lib/storage/local';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestConversation, createTestTenant } from '@/lib/testing/factories';
import { buy, daysAgo } from './test-helpers';

const test = useTestDatabase();
let shop: MemberContext;
let dir: string;

beforeAll(async () => {
  shop = await createTestTenant(test.db);
  dir = await mkdtemp(path.join(tmpdir(), 'sembang-purchase-export-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const csvLines = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes).trim().split('\r\n');

describe('the PDPA export bundle', () => {
  it("carries the customer's purchases and tier history", async () => {
    const { customerId } = await createTestConversation(test.db, shop);
    await buy(test.db, shop, customerId, { total: '450.00', merchant: 'Kedai Kopi', receiptNumber: 'EX-1', date: daysAgo(3), items: [{ name: 'Kopi', quantity: 3, amount: '450.00' }] });
    await buy(test.db, shop, customerId, { total: '60.00', date: daysAgo(1) });

    const zip = unzipSync((await exportCustomer(test.db, shop, customerId, { storage: createLocalStorage(dir) })).bytes);

    const purchases = csvLines(zip['purchases.csv']);
    expect(purchases[0]).toBe('id,date,merchant,total,currency,tax,rounding,items,receiptNumber,paymentMethod,source,receiptMediaId,recordedAt');
    expect(purchases.slice(1).map((line) => line.split(',').slice(1, 5))).toEqual([
      [daysAgo(3), 'Kedai Kopi', '450.00', 'MYR'],
      [daysAgo(1), '', '60.00', 'MYR'],
    ]);
    expect(purchases[1]).toContain('EX-1');
    expect(csvLines(zip['tier-changes.csv'])).toEqual(['at,from,to,spend,toldOnWhatsApp', expect.stringMatching(/,bronze,silver,510\.00,false$/)]);
  });
});
