import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type Columns, resolveColumns } from '@/lib/csv/columns';
import type { CsvRecord } from '@/lib/csv/parse';
import { toE164 } from '@/lib/customers/phone';
import { normalizeMerchant, normalizeReceiptNumber } from '../fingerprint';
import { purchaseInputSchema } from '../input';
import { type PurchaseImportField, type PurchaseImportMapping, purchaseImportFields, purchaseImportLabels } from './fields';

export interface PurchaseImportIssue {
  // The spreadsheet row (the header is row 1).
  row: number;
  column: string | null;
  message: string;
  // An error keeps the row out; a warning says what happened to a row that was not added.
  severity: 'error' | 'warning';
}

export interface PurchaseImportRow {
  row: number;
  customer: { id: string } | { phone: string };
  date: string;
  total: string;
  merchant: string | null;
  receiptNumber: string | null;
  paymentMethod: string | null;
  // Derived from the row's content and how often the same content came before it in the
  // file, so importing the same file twice adds nothing, while two identical coffees on one
  // day stay two purchases.
  idempotencyKey: string;
}

export type PurchaseImportColumns = Columns<PurchaseImportField>;

export function resolvePurchaseColumns(headers: readonly string[], mapping: PurchaseImportMapping): { columns: PurchaseImportColumns; missing: string[] } {
  return resolveColumns(headers, mapping, purchaseImportFields);
}

const pad = (n: number) => String(n).padStart(2, '0');

// Dates as Malaysian spreadsheets write them: 2026-03-14, 14/03/2026, 14-3-26, 14.03.2026
// (day first, never the American month first), 2026/03/14; a time after the date is ignored.
export function parseImportDate(raw: string): string | null {
  const value = raw.trim().split(/[ T]/)[0] ?? '';
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  const [year, month, day] = m
    ? [Number(m[1]), Number(m[2]), Number(m[3])]
    : (m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(value))
      ? [m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[2]), Number(m[1])]
      : [0, 0, 0];
  const at = new Date(Date.UTC(year, month - 1, day));
  if (!year || at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const uuid = z.uuid();

// Checks and normalises every row; a row with an error is left out whole.
export function normalizePurchaseRows(records: readonly CsvRecord[], columns: PurchaseImportColumns): { rows: PurchaseImportRow[]; issues: PurchaseImportIssue[] } {
  const rows: PurchaseImportRow[] = [];
  const issues: PurchaseImportIssue[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const rowIssues: PurchaseImportIssue[] = [];
    const problem = (field: PurchaseImportField, message: string) => rowIssues.push({ row: record.row, column: columns[field]?.header ?? purchaseImportLabels[field], message, severity: 'error' });
    const cell = (field: PurchaseImportField): string | null => {
      const column = columns[field];
      const value = column ? (record.cells[column.index] ?? '').trim() : '';
      return value === '' ? null : value;
    };

    let customer: PurchaseImportRow['customer'] | null = null;
    const id = cell('customerId');
    const rawPhone = cell('phone');
    if (id) {
      if (uuid.safeParse(id).success) customer = { id: id.toLowerCase() };
      else problem('customerId', `“${id.slice(0, 40)}” is not a customer id.`);
    } else if (rawPhone) {
      const phone = toE164(rawPhone);
      if (phone) customer = { phone };
      else problem('phone', `“${rawPhone.slice(0, 40)}” is not a phone number. Write Malaysian numbers as 012-345 6789 and others with their country code.`);
    } else {
      problem(columns.phone ? 'phone' : 'customerId', 'No phone number or customer id: say whose purchase it is.');
    }
    const rawDate = cell('date');
    const date = rawDate === null ? null : parseImportDate(rawDate);
    if (rawDate === null) problem('date', 'No date.');
    else if (date === null) problem('date', `“${rawDate.slice(0, 40)}” is not a date; write 2026-03-14 or 14/03/2026.`);
    if (cell('total') === null) problem('total', 'No total.');

    const parsed = purchaseInputSchema.safeParse({
      date: date ?? undefined,
      total: cell('total') ?? undefined,
      merchant: cell('merchant'),
      receiptNumber: cell('receiptNumber'),
      paymentMethod: cell('paymentMethod'),
      source: 'import',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as PurchaseImportField;
        if (!rowIssues.some((i) => i.column === (columns[field]?.header ?? purchaseImportLabels[field]))) problem(field, issue.message);
      }
    }
    issues.push(...rowIssues);
    if (rowIssues.length > 0 || !parsed.success || !customer) continue;

    const p = parsed.data;
    const content = ['import', 'id' in customer ? customer.id : customer.phone, p.date, p.total, normalizeMerchant(p.merchant), normalizeReceiptNumber(p.receiptNumber), p.paymentMethod ?? ''].join('|');
    const occurrence = (seen.get(content) ?? 0) + 1;
    seen.set(content, occurrence);
    rows.push({
      row: record.row,
      customer,
      date: p.date,
      total: p.total,
      merchant: p.merchant ?? null,
      receiptNumber: p.receiptNumber ?? null,
      paymentMethod: p.paymentMethod ?? null,
      idempotencyKey: `import:${createHash('sha256').update(`${content}|${occurrence}`).digest('hex')}`,
    });
  }
  return { rows, issues };
}
