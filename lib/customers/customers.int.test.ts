import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { type TestConversation, addTestMessage, createTestConversation } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { customerJson, getCustomer, listCustomers } from './customers';
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
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      lastInteractionAt: '2026-03-01T01:02:00.000Z',
      messageCount: 3,
      inboundCount: 2,
      outboundCount: 1,
    });
  });
});

describe('listCustomers', () => {
  it("lists the tenant's customers newest first, never another tenant's", async () => {
    const ids = (await listCustomers(test.db, t.a, { limit: 50 })).map((c) => c.id);

    expect(ids).toEqual([ahmad.customerId, siti.customerId]);
    expect(ids).not.toContain(ofB.customerId);
  });

  it.each(['+60123456789', '60123456789', '012-345 6789', ' 60123456789'])('finds the customer by phone written as %j', async (phone) => {
    const rows = await listCustomers(test.db, t.a, { limit: 50, phone });

    expect(rows.map((c) => c.id)).toEqual([siti.customerId]);
  });

  it('answers an empty list for a valid number nobody has, and a field error for a bad one', async () => {
    expect(await listCustomers(test.db, t.a, { limit: 50, phone: '+60111111111' })).toEqual([]);
    await expect(listCustomers(test.db, t.a, { limit: 50, phone: 'call me' })).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ field: 'phone' }] });
  });

  it('searches name and number, with % and _ taken literally', async () => {
    const search = async (s: string) => (await listCustomers(test.db, t.a, { limit: 50, search: s })).map((c) => c.id);

    expect(await search('nurhaliza')).toEqual([siti.customerId]);
    expect(await search('98765')).toEqual([ahmad.customerId]);
    expect(await search('100%')).toEqual([ahmad.customerId]);
    expect(await search('%')).toEqual([ahmad.customerId]);
    expect(await search('_')).toEqual([]);
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
