import type { Database } from '@/db';
import { recordAudit } from '@/lib/audit';
import { decodeCsvBytes, parseCsv } from '@/lib/csv/parse';
import { AppError } from '@/lib/errors';
import { maskMyKad } from '@/lib/mykad';
import { type TenantContext, hasRole } from '@/lib/tenants/context';
import { type ImportField, type ImportMapping, importFieldLabels, importFields, suggestMapping } from './fields';
import type { ImportResult } from './form';
import { normalizeRows, resolveColumns } from './rows';
import { countMatches, writeImportRows } from './write';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
const PREVIEW_ROWS = 10;

// A CSV of customers: the mapping (or a guess from the headers when none is given), every row
// checked, then written — or, in a dry run, only counted. Rows with errors are reported and
// left out; the good rows are imported. Owners and admins only.
export async function importCustomers(
  db: Database,
  ctx: TenantContext,
  input: { bytes: Uint8Array; mapping?: ImportMapping; dryRun: boolean },
): Promise<ImportResult> {
  if (!hasRole(ctx, 'admin')) throw new AppError('forbidden', 'Importing customers needs the admin role or higher.');
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw AppError.field('payload_too_large', 'file', `The file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  const parsed = parseCsv(decodeCsvBytes(input.bytes));
  if (!parsed.ok) throw AppError.field('validation', 'file', parsed.message);
  const [header, ...records] = parsed.records;
  if (!header) throw AppError.field('validation', 'file', 'The file is empty: the first row should name the columns.');
  if (records.length > MAX_IMPORT_ROWS) {
    throw AppError.field('validation', 'file', `The file has ${records.length.toLocaleString('en')} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString('en')} at a time.`);
  }
  const headers = header.cells.map((h) => h.trim());
  const mapping = input.mapping ?? suggestMapping(headers);
  const { columns, missing } = resolveColumns(headers, mapping);
  if (missing.length > 0) throw AppError.field('validation', 'mapping', `The file has no column named ${missing.map((m) => `“${m}”`).join(', ')}.`);
  if (!columns.phone) throw AppError.field('validation', 'mapping.phone', 'Choose the column with the phone numbers.');

  const { rows, issues } = normalizeRows(records, columns);
  const warn = (row: number, field: ImportField, message: string) =>
    issues.push({ row, column: columns[field]?.header ?? importFieldLabels[field], message, severity: 'warning' });
  const counts = input.dryRun ? await countMatches(db, ctx, rows) : await writeImportRows(db, ctx, rows, warn);
  const skipped = records.length - rows.length;
  if (!input.dryRun) {
    await recordAudit(db, ctx, { action: 'customers.imported', targetType: 'customer', metadata: { rows: records.length, skipped, ...counts } });
  }
  return {
    dryRun: input.dryRun,
    headers,
    mapping: Object.fromEntries(importFields.map((f) => [f, columns[f]?.header ?? null])) as Record<ImportField, string | null>,
    totalRows: records.length,
    skipped,
    ...counts,
    issues: issues.sort((a, b) => a.row - b.row),
    preview: rows.slice(0, PREVIEW_ROWS).map(({ mykad, ...row }) => ({ ...row, icNumberMasked: mykad ? maskMyKad(mykad.icNumber) : null })),
  };
}
