import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customerFlags } from '@/db/schema';
import { icLookupHash, unsealIc } from '@/lib/customers/ic';
import { icDuplicateReply } from '@/lib/customers/profile-replies';
import { ageOn, parseMyKad } from '@/lib/mykad';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestTenant } from '@/lib/testing/factories';
import { customerByPhone, newPhone, say, settle } from './test-helpers';

// The seed's "IC Processing" row and the rest of profile collection, through the real ingest
// path. Ages are computed against today's date, as the reply computes them.

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sembang-profile-'));

const t = useTestDatabase({ asAppDatabase: true });
let shop: MemberContext;

beforeAll(async () => {
  shop = await createTestTenant(t.db, 'Kedai Profil');
  await settle(t.db);
});

async function grantedCustomer(answer = 'YES') {
  const phone = newPhone();
  await say(t.db, shop, phone, 'hello');
  await say(t.db, shop, phone, answer);
  return phone;
}

const only = (replies: { text: string | null }[]) => {
  expect(replies).toHaveLength(1);
  return replies[0]!.text ?? '';
};

describe('IC Processing: "901231-01-1234" → demographics extracted and saved', () => {
  it('saves the sealed IC, date of birth, gender and state, and replies with the IC masked and the age', async () => {
    const phone = await grantedCustomer();
    const { replies } = await say(t.db, shop, phone, '901231-01-1234');
    const age = ageOn('1990-12-31');
    expect(only(replies)).toBe(`Thank you! We saved your IC 901231-01-****, date of birth 31/12/1990 (age ${age}), birth state Johor, gender female.`);
    expect(replies[0]!.text).not.toContain('1234');

    const customer = await customerByPhone(t.db, shop, phone);
    expect(customer).toMatchObject({ dateOfBirth: '1990-12-31', gender: 'F', state: 'MY-01', birthCountry: null, icMasked: '901231-01-****', icHash: icLookupHash('901231011234') });
    expect(unsealIc(customer!.icEncrypted!)).toBe('901231011234');
  });

  it('takes the number without dashes, inside a sentence, and answers in Malay to a Malay speaker', async () => {
    const phone = await grantedCustomer('YA');
    const { replies } = await say(t.db, shop, phone, 'IC saya 050308101237 ya');
    const age = ageOn('2005-03-08');
    expect(only(replies)).toBe(`Terima kasih! Kami telah menyimpan IC 050308-10-****, tarikh lahir 08/03/2005 (umur ${age}), negeri kelahiran Selangor, jantina lelaki.`);
    expect(await customerByPhone(t.db, shop, phone)).toMatchObject({ dateOfBirth: '2005-03-08', gender: 'M', state: 'MY-10' });
  });

  it('a foreign place-of-birth code gives the country', async () => {
    const phone = await grantedCustomer();
    const { replies } = await say(t.db, shop, phone, '781010 66 5431');
    expect(only(replies)).toContain('born in Singapore');
    expect(await customerByPhone(t.db, shop, phone)).toMatchObject({ state: null, birthCountry: 'Singapore', gender: 'M' });
  });

  it.each([
    ['901331-01-1234', 'date'],
    ['900230-01-1234', 'date'],
    ['901231-00-1234', 'place_code'],
    ['901231-17-1234', 'place_code'],
    ['9012310112', 'format'],
  ] as const)('%s is refused with what is wrong (%s), and nothing is saved', async (ic, error) => {
    const phone = await grantedCustomer();
    const { replies } = await say(t.db, shop, phone, ic);
    const parsed = parseMyKad(ic);
    expect(parsed).toMatchObject({ ok: false, error });
    if (parsed.ok) return;
    expect(only(replies)).toBe(`${parsed.message.en} Please check the number and send it again.`);
    expect(await customerByPhone(t.db, shop, phone)).toMatchObject({ icHash: null, dateOfBirth: null, gender: null });
  });

  it('an IC another customer holds is flagged for review and never merged', async () => {
    const first = await grantedCustomer();
    await say(t.db, shop, first, '880705-10-5566');
    const second = await grantedCustomer('YA');
    const { message, replies } = await say(t.db, shop, second, '880705105566');
    expect(only(replies)).toBe(icDuplicateReply.ms);

    const [a, b] = [await customerByPhone(t.db, shop, first), await customerByPhone(t.db, shop, second)];
    expect(a).toMatchObject({ icHash: icLookupHash('880705105566'), dateOfBirth: '1988-07-05' });
    expect(b).toMatchObject({ icHash: null, dateOfBirth: null });
    const flags = await t.db.select().from(customerFlags).where(eq(customerFlags.customerId, b!.id));
    expect(flags).toMatchObject([{ kind: 'duplicate_ic', otherCustomerId: a!.id, evidenceMessageId: message.id, status: 'open' }]);
    expect(unsealIc(flags[0]!.icEncrypted!)).toBe('880705105566');
  });

  it('before consent an IC number is a normal message', async () => {
    const phone = newPhone();
    await say(t.db, shop, phone, 'hello');
    expect((await say(t.db, shop, phone, '901231-01-1234')).replies).toEqual([]);
    expect(await customerByPhone(t.db, shop, phone)).toMatchObject({ consentStatus: 'pending', icHash: null });
  });
});

describe('gender and marital status', () => {
  it.each([
    ['M', 'M', 'gender male'],
    ['f', 'F', 'gender female'],
    ['NB', 'NB', 'gender non-binary'],
    ['Lelaki', 'M', 'gender male'],
    ['P', 'F', 'gender female'],
    ['perempuan', 'F', 'gender female'],
  ] as const)('%j saves gender %s', async (text, gender, said) => {
    const phone = await grantedCustomer();
    const { replies } = await say(t.db, shop, phone, text);
    expect(only(replies)).toBe(`Thank you! We saved your ${said}.`);
    expect((await customerByPhone(t.db, shop, phone))?.gender).toBe(gender);
  });

  it.each([
    ['SINGLE', 'single'],
    ['married', 'married'],
    ['Divorced', 'divorced'],
    ['WIDOWED', 'widowed'],
    ['bujang', 'single'],
    ['BERKAHWIN', 'married'],
    ['bercerai', 'divorced'],
    ['BALU', 'widowed'],
    ['duda', 'widowed'],
  ] as const)('%j saves marital status %s', async (text, status) => {
    const phone = await grantedCustomer();
    await say(t.db, shop, phone, text);
    expect((await customerByPhone(t.db, shop, phone))?.maritalStatus).toBe(status);
  });

  it('both in one message, in Malay', async () => {
    const phone = await grantedCustomer('YA');
    const { replies } = await say(t.db, shop, phone, 'P berkahwin');
    expect(only(replies)).toBe('Terima kasih! Kami telah menyimpan jantina perempuan, status perkahwinan berkahwin.');
  });

  it('a stated NB is not overwritten by the IC', async () => {
    const phone = await grantedCustomer();
    await say(t.db, shop, phone, 'NB');
    const { replies } = await say(t.db, shop, phone, '920202-14-5671');
    expect(only(replies)).toContain('gender non-binary');
    expect(await customerByPhone(t.db, shop, phone)).toMatchObject({ gender: 'NB', state: 'MY-14' });
  });

  it('ordinary messages of a granted customer stay normal messages', async () => {
    const phone = await grantedCustomer();
    for (const text of ['M size please', 'call me at 012-345 6789', 'single origin beans?', 'order A-1042']) {
      expect((await say(t.db, shop, phone, text)).replies, text).toEqual([]);
    }
    expect(await customerByPhone(t.db, shop, phone)).toMatchObject({ gender: null, maritalStatus: null, icHash: null });
  });
});
