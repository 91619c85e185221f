import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type ConsentStatus, customers } from '@/db/schema';
import { type ConsentChange, recordConsentChanges } from '@/lib/consent/record';
import type { TenantContext } from '@/lib/tenants/context';
import { icLookupHash } from '../ic';
import { fallbackCustomerName } from '../phone';
import { setCustomerIcs } from '../profile';
import type { ImportField } from './fields';
import type { ImportRow } from './rows';

// A warning about a row that was imported all the same.
export type ReportWarning = (row: number, field: ImportField, message: string) => void;

// Rows per transaction: a handful of set-based statements each, through the shared rules for
// IC numbers (setCustomerIcs) and consent (recordConsentChanges).
export const IMPORT_BATCH_SIZE = 500;

export interface ImportCounts {
  created: number;
  updated: number;
  consentRecorded: number;
}

interface Existing {
  id: string;
  phone: string | null;
  waId: string | null;
  icHash: string | null;
  consentStatus: ConsentStatus;
}

// WhatsApp ids are the number without the '+', so a customer imported here is the one who
// later writes in (ingest matches on wa_id).
const waIdOf = (phone: string) => phone.slice(1);

async function findExisting(db: Database, ctx: TenantContext, rows: readonly ImportRow[]): Promise<Map<string, Existing>> {
  const phones = rows.map((r) => r.phone);
  const found = await db
    .select({ id: customers.id, phone: customers.phone, waId: customers.waId, icHash: customers.icHash, consentStatus: customers.consentStatus })
    .from(customers)
    .where(and(eq(customers.tenantId, ctx.tenantId), or(inArray(customers.phone, phones), inArray(customers.waId, phones.map(waIdOf)))));
  const byPhone = new Map<string, Existing>();
  for (const c of found) {
    const phone = c.phone ?? (c.waId ? `+${c.waId}` : null);
    if (phone && !byPhone.has(phone)) byPhone.set(phone, c);
  }
  return byPhone;
}

// How many rows would create a customer and how many would update one (a dry run).
export async function countMatches(db: Database, ctx: TenantContext, rows: readonly ImportRow[]): Promise<ImportCounts> {
  let updated = 0;
  for (let i = 0; i < rows.length; i += IMPORT_BATCH_SIZE) {
    const batch = rows.slice(i, i + IMPORT_BATCH_SIZE);
    const existing = await findExisting(db, ctx, batch);
    updated += batch.filter((r) => existing.has(r.phone)).length;
  }
  return { created: rows.length - updated, updated, consentRecorded: 0 };
}

// New customers are inserted with the file's values; a first WhatsApp message from the same
// number may have won the race, and that customer is then updated like any existing one.
async function insertFresh(db: Database, ctx: TenantContext, fresh: readonly ImportRow[], existing: Map<string, Existing>): Promise<Set<string>> {
  if (fresh.length === 0) return new Set();
  const inserted = await db
    .insert(customers)
    .values(
      fresh.map((r) => ({
        tenantId: ctx.tenantId,
        phone: r.phone,
        waId: waIdOf(r.phone),
        name: r.name ?? fallbackCustomerName(r.phone, null, null),
        city: r.city,
        language: r.language,
        gender: r.gender,
        maritalStatus: r.maritalStatus,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: customers.id, phone: customers.phone, waId: customers.waId, icHash: customers.icHash, consentStatus: customers.consentStatus });
  for (const c of inserted) if (c.phone) existing.set(c.phone, c);
  const lost = fresh.filter((r) => !existing.has(r.phone));
  if (lost.length > 0) for (const [phone, c] of await findExisting(db, ctx, lost)) existing.set(phone, c);
  return new Set(inserted.flatMap((c) => (c.phone ? [c.phone] : [])));
}

// The file's values on existing customers, set-based; empty cells leave the stored value.
async function updateFromFile(db: Database, ctx: TenantContext, rows: readonly ImportRow[], existing: Map<string, Existing>): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => sql`(${existing.get(r.phone)?.id}::uuid, ${r.name}, ${r.city}, ${r.language}, ${r.gender}, ${r.maritalStatus})`);
  await db.execute(sql`
    update ${customers} c set
      name = coalesce(v.name, c.name), city = coalesce(v.city, c.city), language = coalesce(v.language, c.language),
      gender = coalesce(v.gender, c.gender), marital_status = coalesce(v.marital_status, c.marital_status), updated_at = now()
    from (values ${sql.join(values, sql`, `)}) as v(id, name, city, language, gender, marital_status)
    where c.tenant_id = ${ctx.tenantId} and c.id = v.id`);
}

async function writeBatch(db: Database, ctx: TenantContext, batch: readonly ImportRow[], warn: ReportWarning): Promise<ImportCounts> {
  return db.transaction(async (tx) => {
    const existing = await findExisting(tx, ctx, batch);
    const created = await insertFresh(tx, ctx, batch.filter((r) => !existing.has(r.phone)), existing);

    const ics = batch.flatMap((row) => {
      const customer = existing.get(row.phone);
      return customer && row.mykad && icLookupHash(row.mykad.icNumber) !== customer.icHash ? [{ row: row.row, customerId: customer.id, mykad: row.mykad }] : [];
    });
    const icResults = await setCustomerIcs(tx, ctx.tenantId, ics);
    for (const { row, customerId } of ics) {
      if (icResults.get(customerId)?.outcome === 'duplicate') {
        warn(row, 'icNumber', 'Another customer already has this IC number: it was not saved on this one, and both are flagged for review.');
      }
    }

    // After the IC, so a gender in the file wins over the one the IC gives; a new customer was
    // inserted with the file's values and needs this only then.
    const hasValues = (r: ImportRow) => [r.name, r.city, r.language, r.gender, r.maritalStatus].some((v) => v !== null);
    await updateFromFile(tx, ctx, batch.filter((r) => (created.has(r.phone) ? r.gender !== null && r.mykad !== null : hasValues(r))), existing);

    // Consent from a file never overrides a customer's own decision to stop (PDPA s.38): a grant
    // applies only while no withdrawal is on record; a withdrawal always applies.
    const consents: ConsentChange[] = [];
    for (const row of batch) {
      const customer = existing.get(row.phone);
      if (!customer || !row.consent || row.consent.status === customer.consentStatus) continue;
      if (row.consent.status === 'granted' && customer.consentStatus === 'withdrawn') {
        warn(row.row, 'consent', 'Consent not changed: the customer withdrew it, and only they can give it again.');
        continue;
      }
      consents.push({ tenantId: ctx.tenantId, customerId: customer.id, status: row.consent.status, source: 'import', actorUserId: ctx.userId, reason: row.consent.evidence });
    }
    await recordConsentChanges(tx, consents);
    const consentRecorded = consents.length;
    return { created: created.size, updated: batch.length - created.size, consentRecorded };
  });
}

// Writes the rows a batch at a time; each batch commits on its own, and a second run of the
// same file updates what the first created, so an interrupted import is finished by running it
// again.
export async function writeImportRows(db: Database, ctx: TenantContext, rows: readonly ImportRow[], warn: ReportWarning): Promise<ImportCounts> {
  const total: ImportCounts = { created: 0, updated: 0, consentRecorded: 0 };
  for (let i = 0; i < rows.length; i += IMPORT_BATCH_SIZE) {
    const counts = await writeBatch(db, ctx, rows.slice(i, i + IMPORT_BATCH_SIZE), warn);
    total.created += counts.created;
    total.updated += counts.updated;
    total.consentRecorded += counts.consentRecorded;
  }
  return total;
}
