import type { Database } from '@/db';
import { recordAudit } from '@/lib/audit';
import { decodeCsvBytes, parseCsv } from '@/lib/csv/parse';
import { AppError } from '@/lib/errors';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';
import { type PurchaseImportField, type PurchaseImportMapping, purchaseImportFields, purchaseImportLabels, suggestPurchaseMapping } from './fields';
import { type PurchaseImportIssue, normalizePurchaseRows, resolvePurchaseColumns } from './rows';
import { PURCHASE_IMPORT_BATCH, type PurchaseImportCounts, importPurchaseBatch, noPurchaseImport } from './write';

export const MAX_PURCHASE_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_PURCHASE_IMPORT_ROWS = 50_000;

export interface PurchaseImportResult extends PurchaseImportCounts {
  dryRun: boolean;
  headers: string[];
  mapping: Record<PurchaseImportField, string | null>;
  totalRows: number;
  // Rows with an error (bad values or no such customer): not imported.
  skipped: number;
  issues: PurchaseImportIssue[];
}

// A CSV of purchases (owners and admins): columns phone or customer id, date, total, merchant,
// receipt number, payment; the mapping is guessed from the headers unless given. Rows with an
// error are reported and left out; the good rows are added, statistics and tiers follow.
// Importing the same file again adds nothing; receipts already recorded are reported.
export async function importPurchases(
  db: Database,
  ctx: TenantContext,
  input: { bytes: Uint8Array; mapping?: PurchaseImportMapping; dryRun: boolean },
  now = new Date(),
): Promise<PurchaseImportResult> {
  requireRole(ctx, 'admin');
  if (input.bytes.byteLength > MAX_PURCHASE_IMPORT_BYTES) throw AppError.field('payload_too_large', 'file', `The file may be at most ${MAX_PURCHASE_IMPORT_BYTES / 1024 / 1024} MB.`);
  const parsed = parseCsv(decodeCsvBytes(input.bytes));
  if (!parsed.ok) throw AppError.field('validation', 'file', parsed.message);
  const [header, ...records] = parsed.records;
  if (!header) throw AppError.field('validation', 'file', 'The file is empty: the first row should name the columns.');
  if (records.length > MAX_PURCHASE_IMPORT_ROWS) {
    throw AppError.field('validation', 'file', `The file has ${records.length.toLocaleString('en')} rows; import at most ${MAX_PURCHASE_IMPORT_ROWS.toLocaleString('en')} at a time.`);
  }
  const headers = header.cells.map((h) => h.trim());
  const { columns, missing } = resolvePurchaseColumns(headers, input.mapping ?? suggestPurchaseMapping(headers));
  if (missing.length > 0) throw AppError.field('validation', 'mapping', `The file has no column named ${missing.map((m) => `“${m}”`).join(', ')}.`);
  if (!columns.phone && !columns.customerId) throw AppError.field('validation', 'mapping.phone', 'Choose the column with the phone numbers (or customer ids).');
  if (!columns.date) throw AppError.field('validation', 'mapping.date', 'Choose the column with the purchase dates.');
  if (!columns.total) throw AppError.field('validation', 'mapping.total', 'Choose the column with the totals.');

  const { rows, issues } = normalizePurchaseRows(records, columns);
  const counts = noPurchaseImport();
  const report = (issue: PurchaseImportIssue) => issues.push(issue);
  const columnOf = (row: (typeof rows)[number]) => ('id' in row.customer ? columns.customerId : columns.phone)?.header ?? purchaseImportLabels.phone;
  for (let i = 0; i < rows.length; i += PURCHASE_IMPORT_BATCH) {
    const batch = await importPurchaseBatch(db, ctx, rows.slice(i, i + PURCHASE_IMPORT_BATCH), { dryRun: input.dryRun, now, report, columnOf });
    for (const key of Object.keys(counts) as (keyof PurchaseImportCounts)[]) counts[key] += batch[key];
  }
  const skipped = records.length - rows.length + counts.unknownCustomers;
  if (!input.dryRun) {
    await recordAudit(db, ctx, { action: 'purchases.imported', targetType: 'purchase', metadata: { rows: records.length, skipped, ...counts } });
  }
  return {
    dryRun: input.dryRun,
    headers,
    mapping: Object.fromEntries(purchaseImportFields.map((f) => [f, columns[f]?.header ?? null])) as Record<PurchaseImportField, string | null>,
    totalRows: records.length,
    skipped,
    ...counts,
    issues: issues.sort((a, b) => a.row - b.row),
  };
}
