import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { type TestConversation, addTestMessage, createTestConversation } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { customerJson, getCustomer } from './customers';
import { listCustomerMessages } from './messages';

const test = useTestDatabase();
let t: TwoTenants;
let siti: TestConversation;
let ahmad: TestConversation;
let ofB: TestConversation;

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  siti = await createTestConversation(test.db, t.a, { name: 'Siti Nurhaliza', phone: '+60123456789' });
  ahmad = await createTestConversation(test.db, t.a, { name: 'Ahmad 100% Kopi', phone: '+60198765432' });
  // Same number in another tenant: a different customer.
  ofB = await createTestConversation(test.db, t.b, { name: 'Siti of B', phone: '+60123456789' });
  await addTestMessage(test.db, t.a, siti, { direction: 'inbound', text: 'Ada kopi?', createdAt: new Date('2026-03-01T01:00:00.000Z') });
  await addTestMessage(test.db, t.a, siti, { direction: 'outbound', text: 'Ada!', createdAt: new Date('2026-03-01T01:01:00.000Z') });
  await addTestMessage(test.db, t.a, siti, { direction: 'inbound', text: 'Terima kasih', createdAt: new Date('2026-03-01T01:02:00.000Z') });
});

describe('customerJson', () => {
  it('shows camelCase fields, ISO dates and the message counts', async () => {
    const json = customerJson(await getCustomer(test.db, t.a, siti.customerId));

    expect(json).toEqual({
      id: siti.customerId,
      name: 'Siti Nurhaliza',
      profileName: 'Siti Nurhaliza',
      phone: '+60123456789',
      waId: '60123456789',
      icNumberMasked: null,
      dateOfBirth: null,
      age: null,
      gender: null,
      maritalStatus: null,
      state: null,
      birthCountry: null,
      city: null,
      consentStatus: 'unknown',
      language: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      lastInteractionAt: '2026-03-01T01:02:00.000Z',
      messageCount: 3,
      inboundCount: 2,
      outboundCount: 1,
      totalSpent: '0.00',
      purchaseCount: 0,
      averageSpend: '0.00',
      lastPurchaseAt: null,
      tier: 'bronze',
    });
  });

  it('shows the MyKad profile with the IC masked, and the age on the day in Malaysia', async () => {
    await test.db
      .update(customers)
      .set({ icEncrypted: 'sealed', icHash: 'hash', icMasked: '000301-14-****', dateOfBirth: '2000-03-01', gender: 'F', maritalStatus: 'married', state: 'MY-14', consentStatus: 'granted', language: 'ms' })
      .where(eq(customers.id, ahmad.customerId));
    const row = await getCustomer(test.db, t.a, ahmad.customerId);

    // The birthday starts at midnight in Malaysia: 16:00 UTC the day before.
    expect(customerJson(row, new Date('2026-02-28T15:59:59Z'))).toMatchObject({ age: 25 });
    const json = customerJson(row, new Date('2026-02-28T16:00:00Z'));
    expect(json).toMatchObject({ icNumberMasked: '000301-14-****', dateOfBirth: '2000-03-01', age: 26, gender: 'F', maritalStatus: 'married', state: 'MY-14', birthCountry: null, consentStatus: 'granted', language: 'ms' });
    expect(JSON.stringify(json)).not.toMatch(/sealed|hash/);
  });
});

describe('getCustomer', () => {
  it("answers not_found for another tenant's customer and an unknown id", async () => {
    await expect(getCustomer(test.db, t.b, siti.customerId)).rejects.toMatchObject({ name: 'AppError', code: 'not_found' });
    await expect(getCustomer(test.db, t.a, randomUUID())).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('listCustomerMessages', () => {
  it('lists both directions newest first and pages with a cursor', async () => {
    const all = await listCustomerMessages(test.db, t.a, siti.customerId, { limit: 50 });
    expect(all.map((m) => [m.direction, m.text])).toEqual([
      ['inbound', 'Terima kasih'],
      ['outbound', 'Ada!'],
      ['inbound', 'Ada kopi?'],
    ]);

    const [first] = all;
    const older = await listCustomerMessages(test.db, t.a, siti.customerId, { limit: 50, after: first ? { createdAt: first.createdAt, id: first.id } : null });
    expect(older.map((m) => m.text)).toEqual(['Ada!', 'Ada kopi?']);
  });

  it("answers not_found for another tenant's customer", async () => {
    await expect(listCustomerMessages(test.db, t.b, siti.customerId, { limit: 50 })).rejects.toMatchObject({ code: 'not_found' });
  });
});
