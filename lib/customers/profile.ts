import { type SQL, and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { customerFlags, customers } from '@/db/schema';
import { normalizeReply } from '@/lib/automation/reply-text';
import { isUniqueViolation } from '@/lib/database-errors';
import { AppError } from '@/lib/errors';
import { type MyKad, type MyKadError, parseMyKad } from '@/lib/mykad';
import { sealIc } from './ic';

// The profile rules every way in shares: the WhatsApp conversation, the dashboard, the REST
// API and CSV import.

export type Gender = 'M' | 'F' | 'NB';
export type MaritalStatus = 'single' | 'married' | 'divorced' | 'widowed';

const genderWords: Readonly<Record<string, Gender>> = {
  M: 'M',
  MALE: 'M',
  L: 'M',
  LELAKI: 'M',
  F: 'F',
  FEMALE: 'F',
  P: 'F',
  PEREMPUAN: 'F',
  NB: 'NB',
  NONBINARY: 'NB',
  'NON BINARY': 'NB',
};

// BALU is a widow and DUDA a widower, as Malaysian forms pair them ("Balu/Duda").
const maritalWords: Readonly<Record<string, MaritalStatus>> = {
  SINGLE: 'single',
  BUJANG: 'single',
  MARRIED: 'married',
  BERKAHWIN: 'married',
  KAHWIN: 'married',
  DIVORCED: 'divorced',
  BERCERAI: 'divorced',
  CERAI: 'divorced',
  WIDOWED: 'widowed',
  BALU: 'widowed',
  DUDA: 'widowed',
};

// The whole input must be the word: "M", "lelaki", "Non-binary" — not "my name is M".
export function parseGender(input: string): Gender | null {
  return genderWords[normalizeReply(input)] ?? null;
}

export function parseMaritalStatus(input: string): MaritalStatus | null {
  return maritalWords[normalizeReply(input)] ?? null;
}

export type SetIcResult =
  | { outcome: 'saved'; mykad: MyKad }
  // Another customer of the tenant holds this IC: flagged for a person to review, nothing changed.
  | { outcome: 'duplicate'; mykad: MyKad; otherCustomerId: string; flagId: string }
  | { outcome: 'invalid'; error: MyKadError; message: { en: string; ms: string } };

interface CustomerRef {
  tenantId: string;
  customerId: string;
}

// One open flag per pair of customers; a second claim adds no new row.
async function flagDuplicateIc(db: Database, ref: CustomerRef, otherCustomerId: string, icNumber: string, evidenceMessageId: string | null): Promise<string> {
  const [open] = await db
    .select({ id: customerFlags.id })
    .from(customerFlags)
    .where(
      and(
        eq(customerFlags.tenantId, ref.tenantId),
        eq(customerFlags.customerId, ref.customerId),
        eq(customerFlags.otherCustomerId, otherCustomerId),
        eq(customerFlags.kind, 'duplicate_ic'),
        eq(customerFlags.status, 'open'),
      ),
    )
    .limit(1);
  if (open) return open.id;
  const [flag] = await db
    .insert(customerFlags)
    .values({
      tenantId: ref.tenantId,
      customerId: ref.customerId,
      kind: 'duplicate_ic',
      otherCustomerId,
      icEncrypted: sealIc(icNumber).icEncrypted,
      evidenceMessageId,
    })
    .returning({ id: customerFlags.id });
  if (!flag) throw new Error('customer flag insert returned nothing');
  return flag.id;
}

// The gender an IC number gives, except that a customer's own "NB" stays.
const genderFromIc = (icGender: SQL) => sql`case when ${customers.gender} = 'NB' then 'NB' else ${icGender} end`;

async function holderOf(db: Database, ref: CustomerRef, icHash: string): Promise<string | null> {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, ref.tenantId), eq(customers.icHash, icHash), ne(customers.id, ref.customerId)))
    .limit(1);
  return row?.id ?? null;
}

// Saves a MyKad number on the customer: sealed, hashed, masked, with the date of birth, birth
// state or country, and the gender its last digit gives — except that a customer's own "NB"
// stays. A number another customer of the tenant already holds is never merged or moved: it
// becomes a duplicate_ic flag. Sending a different number later replaces the customer's own.
export async function setCustomerIc(
  db: Database,
  ref: CustomerRef,
  icNumber: string,
  options: { evidenceMessageId?: string | null; now?: Date } = {},
): Promise<SetIcResult> {
  const parsed = parseMyKad(icNumber, options.now);
  if (!parsed.ok) return { outcome: 'invalid', error: parsed.error, message: parsed.message };
  const mykad = parsed.value;
  const sealed = sealIc(mykad.icNumber);
  const evidence = options.evidenceMessageId ?? null;
  const duplicate = async (otherCustomerId: string): Promise<SetIcResult> => ({
    outcome: 'duplicate',
    mykad,
    otherCustomerId,
    flagId: await flagDuplicateIc(db, ref, otherCustomerId, mykad.icNumber, evidence),
  });

  const holder = await holderOf(db, ref, sealed.icHash);
  if (holder) return duplicate(holder);
  try {
    // A savepoint, so losing the race for the unique (tenant, ic_hash) index leaves the
    // caller's transaction usable for the flag.
    const updated = await db.transaction((sp) =>
      sp
        .update(customers)
        .set({
          ...sealed,
          dateOfBirth: mykad.dateOfBirth,
          gender: genderFromIc(sql`${mykad.gender}`),
          state: mykad.state,
          birthCountry: mykad.birthCountry,
          updatedAt: new Date(),
        })
        .where(and(eq(customers.tenantId, ref.tenantId), eq(customers.id, ref.customerId)))
        .returning({ id: customers.id }),
    );
    if (updated.length === 0) throw new AppError('not_found', 'No customer with that id.');
  } catch (error) {
    const winner = isUniqueViolation(error) ? await holderOf(db, ref, sealed.icHash) : null;
    if (winner) return duplicate(winner);
    throw error;
  }
  return { outcome: 'saved', mykad };
}

// setCustomerIc for many customers at once (a CSV import), with the same rules: numbers no
// other customer holds are saved in one UPDATE; a number another customer holds, or that an
// earlier item of the same call claims, goes through setCustomerIc and is flagged. Each
// customer at most once per call.
export async function setCustomerIcs(db: Database, tenantId: string, items: readonly { customerId: string; mykad: MyKad }[]): Promise<Map<string, SetIcResult>> {
  const results = new Map<string, SetIcResult>();
  const sealed = items.map((item) => ({ ...item, sealed: sealIc(item.mykad.icNumber) }));
  const hashes = [...new Set(sealed.map((i) => i.sealed.icHash))];
  const held = hashes.length === 0 ? [] : await db.select({ id: customers.id, icHash: customers.icHash }).from(customers).where(and(eq(customers.tenantId, tenantId), inArray(customers.icHash, hashes)));
  const holders = new Map(held.map((h) => [h.icHash, h.id]));
  const claimed = new Set<string>();
  const quick: typeof sealed = [];
  const oneByOne: typeof sealed = [];
  for (const item of sealed) {
    const holder = holders.get(item.sealed.icHash);
    if ((holder && holder !== item.customerId) || claimed.has(item.sealed.icHash)) oneByOne.push(item);
    else {
      claimed.add(item.sealed.icHash);
      quick.push(item);
    }
  }
  if (quick.length > 0) {
    const values = quick.map(
      ({ customerId, mykad, sealed: s }) =>
        sql`(${customerId}::uuid, ${s.icEncrypted}::text, ${s.icHash}::text, ${s.icMasked}::text, ${mykad.dateOfBirth}::date, ${mykad.gender}::text, ${mykad.state}::text, ${mykad.birthCountry}::text)`,
    );
    try {
      // A savepoint: a number taken meanwhile (unique index) sends these through one by one.
      await db.transaction((sp) =>
        sp.execute(sql`
          update ${customers} set ic_encrypted = v.ic_encrypted, ic_hash = v.ic_hash, ic_masked = v.ic_masked, date_of_birth = v.date_of_birth,
            gender = ${genderFromIc(sql`v.gender`)}, state = v.state, birth_country = v.birth_country, updated_at = now()
          from (values ${sql.join(values, sql`, `)}) as v(id, ic_encrypted, ic_hash, ic_masked, date_of_birth, gender, state, birth_country)
          where ${customers.tenantId} = ${tenantId} and ${customers.id} = v.id`),
      );
      for (const item of quick) results.set(item.customerId, { outcome: 'saved', mykad: item.mykad });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      oneByOne.unshift(...quick);
    }
  }
  for (const item of oneByOne) results.set(item.customerId, await setCustomerIc(db, { tenantId, customerId: item.customerId }, item.mykad.icNumber));
  return results;
}

// Gender and marital status as a person gave them (null clears). Returns false when the
// customer does not exist in the tenant.
export async function setCustomerDetails(
  db: Database,
  ref: CustomerRef,
  details: { gender?: Gender | null; maritalStatus?: MaritalStatus | null },
): Promise<boolean> {
  const set = {
    ...(details.gender !== undefined && { gender: details.gender }),
    ...(details.maritalStatus !== undefined && { maritalStatus: details.maritalStatus }),
  };
  const rows = await db
    .update(customers)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(customers.tenantId, ref.tenantId), eq(customers.id, ref.customerId)))
    .returning({ id: customers.id });
  return rows.length > 0;
}
