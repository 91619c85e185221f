import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, purchases } from '@/db/schema';
import { markAnalyticsStale } from '@/lib/analytics/refresh';
import type { TenantContext } from '@/lib/tenants/context';
import { receiptFingerprint } from '../fingerprint';
import { recomputeSpendStats } from '../spend';
import { recomputeTiers } from '../tier-recompute';
import type { PurchaseImportIssue, PurchaseImportRow } from './rows';

// Rows per transaction: one INSERT, one statistics UPDATE and one tier UPDATE each.
export const PURCHASE_IMPORT_BATCH = 500;

export interface PurchaseImportCounts {
  imported: number;
  // The same row from an earlier import of the file (nothing added).
  alreadyImported: number;
  // A receipt already recorded (same receipt number, merchant, day and total).
  duplicates: number;
  // Rows naming no customer of this tenant.
  unknownCustomers: number;
  tiersChanged: number;
}

export const noPurchaseImport = (): PurchaseImportCounts => ({ imported: 0, alreadyImported: 0, duplicates: 0, unknownCustomers: 0, tiersChanged: 0 });

// Phone numbers and ids → this tenant's customer ids (a number matches the phone or the
// WhatsApp id, as the customer import does).
async function resolveCustomers(db: Database, ctx: TenantContext, rows: readonly PurchaseImportRow[]): Promise<Map<string, string>> {
  const ids = rows.flatMap((r) => ('id' in r.customer ? [r.customer.id] : []));
  const phones = rows.flatMap((r) => ('phone' in r.customer ? [r.customer.phone] : []));
  const conditions = [ids.length ? inArray(customers.id, ids) : undefined, phones.length ? or(inArray(customers.phone, phones), inArray(customers.waId, phones.map((p) => p.slice(1)))) : undefined].filter(Boolean);
  if (conditions.length === 0) return new Map();
  const found = await db
    .select({ id: customers.id, phone: customers.phone, waId: customers.waId })
    .from(customers)
    .where(and(eq(customers.tenantId, ctx.tenantId), or(...conditions)));
  const byRef = new Map<string, string>();
  for (const c of found) {
    byRef.set(c.id, c.id);
    for (const phone of [c.phone, c.waId ? `+${c.waId}` : null]) if (phone && !byRef.has(phone)) byRef.set(phone, c.id);
  }
  return byRef;
}

const customerRef = (row: PurchaseImportRow) => ('id' in row.customer ? row.customer.id : row.customer.phone);

// One batch in one transaction: lock the customers (in id order, so two imports cannot
// deadlock), insert what is new, then statistics and tiers set-based. Imported history never
// sends tier-up messages.
async function writeBatch(db: Database, ctx: TenantContext, batch: readonly PurchaseImportRow[], owners: Map<string, string>, now: Date, report: (issue: PurchaseImportIssue) => void): Promise<PurchaseImportCounts> {
  return db.transaction(async (tx) => {
    const counts = noPurchaseImport();
    const customerIds = [...new Set(batch.map((r) => owners.get(customerRef(r))!))].sort();
    await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.tenantId, ctx.tenantId), inArray(customers.id, customerIds))).orderBy(customers.id).for('update');
    const values = batch.map((r) => {
      const customerId = owners.get(customerRef(r))!;
      const fingerprint = receiptFingerprint({ customerId, source: 'import', merchant: r.merchant, date: r.date, total: r.total, receiptNumber: r.receiptNumber });
      return { tenantId: ctx.tenantId, customerId, source: 'import' as const, merchant: r.merchant, purchasedOn: r.date, total: r.total, receiptNumber: r.receiptNumber, paymentMethod: r.paymentMethod, receiptFingerprint: fingerprint, idempotencyKey: r.idempotencyKey, createdByUserId: ctx.userId };
    });
    const inserted = await tx.insert(purchases).values(values).onConflictDoNothing().returning({ key: purchases.idempotencyKey });
    counts.imported = inserted.length;
    await markAnalyticsStale(tx, ctx.tenantId, values.map((v) => v.purchasedOn));
    const added = new Set(inserted.map((r) => r.key));
    const skipped = values.map((v, i) => ({ v, row: batch[i]! })).filter(({ v }) => !added.has(v.idempotencyKey));
    if (skipped.length > 0) {
      const earlier = await tx
        .select({ key: purchases.idempotencyKey, fingerprint: purchases.receiptFingerprint, id: purchases.id })
        .from(purchases)
        .where(and(eq(purchases.tenantId, ctx.tenantId), or(inArray(purchases.idempotencyKey, skipped.map(({ v }) => v.idempotencyKey)), inArray(purchases.receiptFingerprint, skipped.flatMap(({ v }) => (v.receiptFingerprint ? [v.receiptFingerprint] : []))))));
      const keys = new Set(earlier.map((e) => e.key));
      for (const { v, row } of skipped) {
        if (keys.has(v.idempotencyKey)) {
          counts.alreadyImported += 1;
          continue;
        }
        counts.duplicates += 1;
        const match = earlier.find((e) => e.fingerprint === v.receiptFingerprint);
        report({ row: row.row, column: null, message: `Not added: this receipt is already recorded${match ? ` (purchase ${match.id})` : ''}.`, severity: 'warning' });
      }
    }
    await recomputeSpendStats(tx, ctx.tenantId, customerIds, now);
    counts.tiersChanged = await recomputeTiers(tx, ctx.tenantId, { now, scope: { customerIds } });
    return counts;
  });
}

// Resolves the batch's customers (rows naming none of this tenant's are reported and left
// out), then writes it — or, in a dry run, only counts.
export async function importPurchaseBatch(
  db: Database,
  ctx: TenantContext,
  batch: readonly PurchaseImportRow[],
  options: { dryRun: boolean; now: Date; report: (issue: PurchaseImportIssue) => void; columnOf: (row: PurchaseImportRow) => string },
): Promise<PurchaseImportCounts> {
  const owners = await resolveCustomers(db, ctx, batch);
  const known = batch.filter((r) => owners.has(customerRef(r)));
  for (const row of batch) {
    if (owners.has(customerRef(row))) continue;
    options.report({ row: row.row, column: options.columnOf(row), message: 'id' in row.customer ? 'No customer with this id.' : `No customer with the number ${row.customer.phone}.`, severity: 'error' });
  }
  const counts = options.dryRun || known.length === 0 ? noPurchaseImport() : await writeBatch(db, ctx, known, owners, options.now, options.report);
  if (options.dryRun) counts.imported = known.length;
  counts.unknownCustomers = batch.length - known.length;
  return counts;
}
