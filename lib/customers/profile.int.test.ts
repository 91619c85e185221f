import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customerFlags, customers } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestConversation, createTestTenant } from '@/lib/testing/factories';
import { icLookupHash, unsealIc } from './ic';
import { setCustomerDetails, setCustomerIc } from './profile';

const t = useTestDatabase();
let a: MemberContext;
let b: MemberContext;

beforeAll(async () => {
  a = await createTestTenant(t.db, 'Kedai Profil A');
  b = await createTestTenant(t.db, 'Kedai Profil B');
});

const NOW = new Date('2026-06-15T04:00:00Z');

async function newCustomer(ctx: MemberContext) {
  const { customerId } = await createTestConversation(t.db, ctx);
  return { tenantId: ctx.tenantId, customerId };
}

async function row(customerId: string) {
  const [c] = await t.db.select().from(customers).where(eq(customers.id, customerId));
  return c!;
}

describe('setCustomerIc', () => {
  it('saves the sealed number and what it tells: date of birth, gender, birth state', async () => {
    const ref = await newCustomer(a);
    const result = await setCustomerIc(t.db, ref, '901231-01-1235', { now: NOW });
    expect(result).toMatchObject({ outcome: 'saved', mykad: { dateOfBirth: '1990-12-31', gender: 'M', state: 'MY-01' } });
    const c = await row(ref.customerId);
    expect(c).toMatchObject({ icMasked: '901231-01-****', icHash: icLookupHash('901231011235'), dateOfBirth: '1990-12-31', gender: 'M', state: 'MY-01', birthCountry: null });
    expect(c.icEncrypted).not.toContain('901231011235');
    expect(unsealIc(c.icEncrypted!)).toBe('901231011235');
  });

  it('takes the number without dashes or with spaces, and a 2000s birth; a foreign code sets the country', async () => {
    const ref = await newCustomer(a);
    expect(await setCustomerIc(t.db, ref, '050229 66 1234', { now: NOW })).toMatchObject({ outcome: 'invalid', error: 'date' });
    expect(await setCustomerIc(t.db, ref, '040229661234', { now: NOW })).toMatchObject({ outcome: 'saved' });
    expect(await row(ref.customerId)).toMatchObject({ dateOfBirth: '2004-02-29', gender: 'F', state: null, birthCountry: 'Singapore' });
  });

  it('says what is wrong with an invalid number and changes nothing', async () => {
    const ref = await newCustomer(a);
    expect(await setCustomerIc(t.db, ref, '90123101123', { now: NOW })).toMatchObject({ outcome: 'invalid', error: 'format', message: { en: expect.stringMatching(/12 digits/), ms: expect.stringMatching(/12 digit/) } });
    expect(await setCustomerIc(t.db, ref, '901331-01-1234', { now: NOW })).toMatchObject({ outcome: 'invalid', error: 'date' });
    expect(await setCustomerIc(t.db, ref, '901231-00-1234', { now: NOW })).toMatchObject({ outcome: 'invalid', error: 'place_code' });
    expect(await row(ref.customerId)).toMatchObject({ icHash: null, icEncrypted: null, dateOfBirth: null, gender: null });
  });

  it("flags a number another customer of the tenant holds, and never touches either customer's IC", async () => {
    const first = await newCustomer(a);
    const second = await newCustomer(a);
    await setCustomerIc(t.db, first, '880705-10-5566', { now: NOW });
    const before = await row(first.customerId);

    const result = await setCustomerIc(t.db, second, '8807051055 66', { now: NOW });
    expect(result).toMatchObject({ outcome: 'duplicate', otherCustomerId: first.customerId });
    expect(await row(second.customerId)).toMatchObject({ icHash: null, dateOfBirth: null });
    expect(await row(first.customerId)).toEqual(before);
    const flags = await t.db.select().from(customerFlags).where(eq(customerFlags.customerId, second.customerId));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ tenantId: a.tenantId, kind: 'duplicate_ic', otherCustomerId: first.customerId, status: 'open' });
    expect(unsealIc(flags[0]!.icEncrypted!)).toBe('880705105566');

    // Sent again: still one open flag.
    expect(await setCustomerIc(t.db, second, '880705-10-5566', { now: NOW })).toMatchObject({ outcome: 'duplicate', flagId: flags[0]!.id });
    expect(await t.db.$count(customerFlags, eq(customerFlags.customerId, second.customerId))).toBe(1);
  });

  it('the same number in another tenant is not a duplicate', async () => {
    const inA = await newCustomer(a);
    const inB = await newCustomer(b);
    await setCustomerIc(t.db, inA, '750101-14-1111', { now: NOW });
    expect(await setCustomerIc(t.db, inB, '750101-14-1111', { now: NOW })).toMatchObject({ outcome: 'saved' });
  });

  it("saving one's own number again is fine, a new number replaces it, and a stated NB stays", async () => {
    const ref = await newCustomer(a);
    await setCustomerDetails(t.db, ref, { gender: 'NB' });
    expect(await setCustomerIc(t.db, ref, '991120-08-2223', { now: NOW })).toMatchObject({ outcome: 'saved' });
    expect(await setCustomerIc(t.db, ref, '991120-08-2223', { now: NOW })).toMatchObject({ outcome: 'saved' });
    expect(await row(ref.customerId)).toMatchObject({ gender: 'NB', state: 'MY-08' });
    expect(await setCustomerIc(t.db, ref, '991121-12-2224', { now: NOW })).toMatchObject({ outcome: 'saved' });
    expect(await row(ref.customerId)).toMatchObject({ dateOfBirth: '1999-11-21', state: 'MY-12', icMasked: '991121-12-****', gender: 'NB' });
  });

  it('refuses a customer of another tenant', async () => {
    const inB = await newCustomer(b);
    await expect(setCustomerIc(t.db, { tenantId: a.tenantId, customerId: inB.customerId }, '800101-01-1111', { now: NOW })).rejects.toMatchObject({ code: 'not_found' });
    expect(await row(inB.customerId)).toMatchObject({ icHash: null });
  });

  it('two customers claiming one number at once: one saves it, the other is flagged', async () => {
    const x = await newCustomer(a);
    const y = await newCustomer(a);
    const results = await Promise.all([x, y].map((ref) => t.db.transaction((tx) => setCustomerIc(tx, ref, '851010-05-7777', { now: NOW }))));
    expect(results.map((r) => r.outcome).sort()).toEqual(['duplicate', 'saved']);
    const holders = await t.db.select({ id: customers.id }).from(customers).where(and(eq(customers.tenantId, a.tenantId), eq(customers.icHash, icLookupHash('851010057777'))));
    expect(holders).toHaveLength(1);
  });
});

describe('setCustomerDetails', () => {
  it('sets and clears gender and marital status within the tenant only', async () => {
    const ref = await newCustomer(a);
    expect(await setCustomerDetails(t.db, ref, { gender: 'F', maritalStatus: 'married' })).toBe(true);
    expect(await row(ref.customerId)).toMatchObject({ gender: 'F', maritalStatus: 'married' });
    expect(await setCustomerDetails(t.db, ref, { maritalStatus: null })).toBe(true);
    expect(await row(ref.customerId)).toMatchObject({ gender: 'F', maritalStatus: null });
    expect(await setCustomerDetails(t.db, { tenantId: b.tenantId, customerId: ref.customerId }, { gender: 'M' })).toBe(false);
    expect((await row(ref.customerId)).gender).toBe('F');
  });
});
