import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers, media, messages, purchases, tenantSettings } from '@/db/schema';
import { localJobClient } from '@/lib/jobs/local-driver';
import { provisionTenant } from '@/lib/tenants/provision';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember, addTestMessage, createTestConversation } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { correctPurchase, deletePurchase } from './corrections';
import { recordPurchase } from './record';
import { buy, customerRow, daysAgo, expectRecorded, expectStatsMatchPurchases, tierHistory, today } from './test-helpers';

const test = useTestDatabase();
let t: TwoTenants;
let agent: MemberContext;

const newCustomer = async (ctx: MemberContext = t.a) => (await createTestConversation(test.db, ctx)).customerId;

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  await provisionTenant(test.db, t.a);
  agent = await addMember(test.db, t.a, 'agent');
});

describe('recordPurchase', () => {
  it('stores the purchase and moves spend, count, average, last purchase and tier in the same step', async () => {
    const customerId = await newCustomer();
    const first = expectRecorded(await buy(test.db, agent, customerId, { total: '120.50', merchant: 'Kedai Kopi', date: daysAgo(3), items: [{ name: 'Kopi', quantity: 2, amount: '120.50' }] }));
    expect(first).toMatchObject({ created: true, tierChange: null, customer: { totalSpent: '120.50', purchaseCount: 1, averageSpend: '120.50', tier: 'bronze' } });
    expect(first.purchase).toMatchObject({ total: '120.50', purchasedOn: daysAgo(3), createdByUserId: agent.userId, receiptFingerprint: null, items: [{ name: 'Kopi', quantity: 2, amount: '120.50' }] });

    const second = expectRecorded(await buy(test.db, agent, customerId, { total: '400.00', date: daysAgo(1) }));
    expect(second.customer).toEqual({ totalSpent: '520.50', purchaseCount: 2, averageSpend: '260.25', tier: 'silver', lastPurchaseAt: new Date(`${daysAgo(1)}T00:00:00+08:00`).toISOString() });
    expect(second.tierChange).toEqual({ from: 'bronze', to: 'silver', spend: '520.50', notified: false });
    expect(await tierHistory(test.db, t.a, customerId)).toEqual([['bronze', 'silver', '520.50']]);
    await expectStatsMatchPurchases(test.db, t.a, customerId);
  });

  it('answers duplicate for the same receipt number, whichever customer sends it, and changes nothing', async () => {
    const one = await newCustomer();
    const other = await newCustomer();
    const receipt = { merchant: 'Kedai Kopi Aisyah Sdn Bhd', date: daysAgo(2), total: '45.90', receiptNumber: 'INV-0042', source: 'receipt' as const };
    const original = expectRecorded(await buy(test.db, t.a, one, receipt));

    expect(await buy(test.db, t.a, one, { ...receipt, merchant: 'KEDAI KOPI AISYAH', receiptNumber: 'inv 0042' })).toEqual({ ok: false, reason: 'duplicate', existingPurchaseId: original.purchase.id });
    expect(await buy(test.db, t.a, other, { ...receipt, source: 'api' })).toEqual({ ok: false, reason: 'duplicate', existingPurchaseId: original.purchase.id });
    expect((await customerRow(test.db, t.a, one)).purchaseCount).toBe(1);
    expect((await customerRow(test.db, t.a, other)).purchaseCount).toBe(0);
    // Another tenant's receipt with the same number is its own business.
    expectRecorded(await buy(test.db, t.b, await newCustomer(t.b), receipt));
  });

  it("treats a receipt photo without a number as a duplicate for the same customer only; POS purchases without a number are never duplicates", async () => {
    const one = await newCustomer();
    const other = await newCustomer();
    const photo = { merchant: 'Mamak Corner', date: daysAgo(1), total: '12.00', source: 'receipt' as const };
    const first = expectRecorded(await buy(test.db, t.a, one, photo));
    expect(await buy(test.db, t.a, one, photo)).toEqual({ ok: false, reason: 'duplicate', existingPurchaseId: first.purchase.id });
    expectRecorded(await buy(test.db, t.a, other, photo));
    expectRecorded(await buy(test.db, t.a, one, { ...photo, source: 'api' }));
    expectRecorded(await buy(test.db, t.a, one, { ...photo, source: 'api' }));
    expect((await customerRow(test.db, t.a, one)).purchaseCount).toBe(3);
  });

  it('replays the same purchase for the same Idempotency-Key and body, and refuses the key for another body or customer', async () => {
    const customerId = await newCustomer();
    const body = { total: '88.00', merchant: 'POS Outlet 3', date: daysAgo(1), source: 'api' as const, items: [{ name: 'Teh tarik', quantity: 4, amount: '88.00' }], idempotencyKey: 'pos-3-txn-991' };
    const first = expectRecorded(await buy(test.db, t.a, customerId, body));
    const again = expectRecorded(await buy(test.db, t.a, customerId, { ...body, total: 88 }));
    expect(again).toMatchObject({ created: false, tierChange: null, purchase: { id: first.purchase.id }, customer: { purchaseCount: 1, totalSpent: '88.00' } });

    await expect(buy(test.db, t.a, customerId, { ...body, total: '89.00' })).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ field: 'Idempotency-Key' }] });
    await expect(buy(test.db, t.a, await newCustomer(), body)).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ field: 'Idempotency-Key' }] });
    expect((await customerRow(test.db, t.a, customerId)).purchaseCount).toBe(1);
    // Keys are per tenant.
    expectRecorded(await buy(test.db, t.b, await newCustomer(t.b), body));
  });

  it("refuses another tenant's customer, receipt image or OCR job", async () => {
    await expect(buy(test.db, t.b, await newCustomer())).rejects.toMatchObject({ code: 'not_found' });
    const [file] = await test.db.insert(media).values({ tenantId: t.b.tenantId, mimeType: 'image/jpeg', status: 'stored' }).returning();
    await expect(buy(test.db, t.a, await newCustomer(), { receiptMediaId: file!.id })).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ field: 'receiptMediaId' }] });
  });

  it('validates the input: total above zero, not in the future', async () => {
    const customerId = await newCustomer();
    await expect(buy(test.db, t.a, customerId, { total: '0' })).rejects.toMatchObject({ name: 'ZodError' });
    await expect(recordPurchase(test.db, t.a, { customerId, date: '2999-01-01', total: '5' })).rejects.toMatchObject({ name: 'ZodError' });
    expect((await customerRow(test.db, t.a, customerId)).purchaseCount).toBe(0);
  });
});

describe('corrections and deletions', () => {
  it('restore spend and tier, with each change in the tier history', async () => {
    const customerId = await newCustomer();
    const big = expectRecorded(await buy(test.db, t.a, customerId, { total: '2500.00', date: daysAgo(10) }));
    const small = expectRecorded(await buy(test.db, t.a, customerId, { total: '30.00', date: daysAgo(5) }));
    expect((await customerRow(test.db, t.a, customerId)).tier).toBe('gold');

    const corrected = await correctPurchase(test.db, t.a, big.purchase.id, { total: '250.00', merchant: 'Corrected' });
    expect(corrected).toMatchObject({ ok: true, purchase: { total: '250.00', merchant: 'Corrected' }, customer: { totalSpent: '280.00', tier: 'bronze' }, tierChange: { from: 'gold', to: 'bronze' } });
    await expectStatsMatchPurchases(test.db, t.a, customerId);

    expect(await deletePurchase(test.db, t.a, small.purchase.id)).toMatchObject({ customer: { totalSpent: '250.00', purchaseCount: 1, averageSpend: '250.00' } });
    expect(await deletePurchase(test.db, t.a, big.purchase.id)).toMatchObject({ customer: { totalSpent: '0.00', purchaseCount: 0, lastPurchaseAt: null, tier: 'bronze' } });
    await expectStatsMatchPurchases(test.db, t.a, customerId);
    expect(await tierHistory(test.db, t.a, customerId)).toEqual([
      ['bronze', 'gold', '2500.00'],
      ['gold', 'bronze', '280.00'],
    ]);
  });

  it('refuses a correction that makes it a receipt already recorded', async () => {
    const customerId = await newCustomer();
    const kept = expectRecorded(await buy(test.db, t.a, customerId, { receiptNumber: 'R-1', merchant: 'Kedai', total: '9.00', date: daysAgo(1) }));
    const other = expectRecorded(await buy(test.db, t.a, customerId, { receiptNumber: 'R-2', merchant: 'Kedai', total: '9.00', date: daysAgo(1) }));
    expect(await correctPurchase(test.db, t.a, other.purchase.id, { receiptNumber: 'R 1' })).toEqual({ ok: false, reason: 'duplicate', existingPurchaseId: kept.purchase.id });
    const [row] = await test.db.select().from(purchases).where(eq(purchases.id, other.purchase.id));
    expect(row?.receiptNumber).toBe('R-2');
  });

  it('are for owners and admins of the tenant only', async () => {
    const customerId = await newCustomer();
    const { purchase } = expectRecorded(await buy(test.db, t.a, customerId));
    await expect(correctPurchase(test.db, agent, purchase.id, { total: '1.00' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deletePurchase(test.db, agent, purchase.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(correctPurchase(test.db, t.b, purchase.id, { total: '1.00' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(deletePurchase(test.db, t.b, purchase.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await customerRow(test.db, t.a, customerId)).totalSpent).toBe('10.00');
  });
});

describe('statistics under concurrency', () => {
  it('stay equal to the purchases while many inserts, corrections and deletions run at once', async () => {
    const ids = [await newCustomer(), await newCustomer()];
    const seeded = await Promise.all(Array.from({ length: 10 }, (_, i) => buy(test.db, t.a, ids[i % 2]!, { total: `${100 + i}.25`, date: daysAgo(i) })));
    const existing = seeded.map((r) => expectRecorded(r).purchase.id);

    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => buy(test.db, t.a, ids[i % 2]!, { total: `${i + 1}.${String(i % 100).padStart(2, '0')}`, date: daysAgo(i % 30) })),
      // The same POS retry sent several times at once: one purchase.
      ...Array.from({ length: 6 }, () => buy(test.db, t.a, ids[0]!, { total: '77.77', idempotencyKey: 'concurrent-retry' })),
      // The same receipt from both customers at once: one purchase, the rest duplicates.
      ...Array.from({ length: 6 }, (_, i) => buy(test.db, t.a, ids[i % 2]!, { total: '15.00', receiptNumber: 'RACE-1', merchant: 'Kedai', source: 'receipt' })),
      ...existing.slice(0, 4).map((id) => correctPurchase(test.db, t.a, id, { total: '1000.00' })),
      ...existing.slice(4, 8).map((id) => deletePurchase(test.db, t.a, id)),
    ]);

    for (const id of ids) await expectStatsMatchPurchases(test.db, t.a, id);
    const race = await test.db.select().from(purchases).where(and(eq(purchases.tenantId, t.a.tenantId), eq(purchases.receiptNumber, 'RACE-1')));
    expect(race).toHaveLength(1);
    const retries = await test.db.select().from(purchases).where(and(eq(purchases.tenantId, t.a.tenantId), eq(purchases.idempotencyKey, 'concurrent-retry')));
    expect(retries).toHaveLength(1);
    for (const id of ids) {
      const history = await tierHistory(test.db, t.a, id);
      expect(history.at(-1)?.[1] ?? 'bronze').toBe((await customerRow(test.db, t.a, id)).tier);
    }
  });
});

describe('the tier-up message', () => {
  async function messagesOf(customerId: string) {
    const rows = await test.db.select().from(messages).where(and(eq(messages.customerId, customerId), eq(messages.direction, 'outbound')));
    return rows.filter((m) => m.content.automation === 'loyalty.tier_up');
  }

  async function chattingCustomer(options: { consent: 'granted' | 'withdrawn'; language: 'ms' | 'en'; hoursAgo: number }) {
    const chat = await createTestConversation(test.db, t.a, { name: 'Siti' });
    await addTestMessage(test.db, t.a, chat, { direction: 'inbound', createdAt: new Date(Date.now() - options.hoursAgo * 3_600_000) });
    await test.db.update(customers).set({ consentStatus: options.consent, language: options.language }).where(eq(customers.id, chat.customerId));
    return chat.customerId;
  }

  beforeAll(async () => {
    await test.db.update(tenantSettings).set({ tierUpMessage: true, brandName: 'Kopi Aisyah' }).where(eq(tenantSettings.tenantId, t.a.tenantId));
  });

  it("goes out in the customer's language when they consented and wrote within 24 hours", async () => {
    const customerId = await chattingCustomer({ consent: 'granted', language: 'ms', hoursAgo: 2 });
    const result = expectRecorded(await recordPurchase(test.db, t.a, { customerId, date: today(), total: '600.00' }, { jobs: localJobClient }));
    expect(result.tierChange).toMatchObject({ to: 'silver', notified: true });
    const sent = await messagesOf(customerId);
    expect(sent.map((m) => m.text)).toEqual(['Tahniah Siti! Anda kini ahli Perak Kopi Aisyah dengan jumlah belanja RM 600.00. Terima kasih kerana terus bersama kami!']);
    expect(sent[0]).toMatchObject({ status: 'pending', type: 'text' });
    // A second purchase in the same tier says nothing.
    await recordPurchase(test.db, t.a, { customerId, date: today(), total: '10.00' }, { jobs: localJobClient });
    expect(await messagesOf(customerId)).toHaveLength(1);
  });

  it('is skipped without consent, outside the 24-hour window, and for a move down', async () => {
    const withdrawn = await chattingCustomer({ consent: 'withdrawn', language: 'en', hoursAgo: 1 });
    const quiet = await chattingCustomer({ consent: 'granted', language: 'en', hoursAgo: 30 });
    for (const customerId of [withdrawn, quiet]) {
      const result = expectRecorded(await buy(test.db, t.a, customerId, { total: '700.00' }));
      expect(result.tierChange).toMatchObject({ to: 'silver', notified: false });
      expect(await messagesOf(customerId)).toEqual([]);
    }
    const down = await chattingCustomer({ consent: 'granted', language: 'en', hoursAgo: 1 });
    const { purchase } = expectRecorded(await buy(test.db, t.a, down, { total: '700.00' }));
    await deletePurchase(test.db, t.a, purchase.id, { jobs: localJobClient });
    expect((await messagesOf(down)).map((m) => m.text)).toEqual(['Congratulations Siti! You are now a Silver member of Kopi Aisyah, with RM 700.00 spent. Thank you for shopping with us!']);
  });
});
