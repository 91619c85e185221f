import { type Columns as CsvColumns, resolveColumns as resolveCsvColumns } from '@/lib/csv/columns';
import type { CsvRecord } from '@/lib/csv/parse';
import { type MyKad, parseMyKad } from '@/lib/mykad';
import { toE164 } from '../phone';
import { type Gender, type MaritalStatus, parseGender, parseMaritalStatus } from '../profile';
import { type ImportField, type ImportMapping, importFieldLabels, importFields } from './fields';
import { type ImportedConsent, parseConsentAnswer, parseLanguage } from './values';

export interface ImportIssue {
  // The spreadsheet row (the header is row 1).
  row: number;
  // The file's header for the column, or the field's label when the problem is a missing one.
  column: string | null;
  message: string;
  // An error keeps the row out of the import; a warning does not.
  severity: 'error' | 'warning';
}

// A row ready to write. Null means "not in the file": the stored value stays.
export interface ImportRow {
  row: number;
  phone: string;
  name: string | null;
  mykad: MyKad | null;
  gender: Gender | null;
  maritalStatus: MaritalStatus | null;
  city: string | null;
  language: 'ms' | 'en' | 'zh' | null;
  consent: { status: ImportedConsent; evidence: string } | null;
}

const MAX_LENGTH: Partial<Record<ImportField, number>> = { name: 120, city: 80, consentEvidence: 500 };

type Columns = CsvColumns<ImportField>;

export function resolveColumns(headers: readonly string[], mapping: ImportMapping): { columns: Columns; missing: string[] } {
  return resolveCsvColumns(headers, mapping, importFields);
}

// Checks and normalises every row; a row with any error is left out whole, so nothing is
// imported half-way. The same phone twice: the first good row counts.
export function normalizeRows(records: readonly CsvRecord[], columns: Columns, now: Date = new Date()): { rows: ImportRow[]; issues: ImportIssue[] } {
  const rows: ImportRow[] = [];
  const issues: ImportIssue[] = [];
  const firstRowOfPhone = new Map<string, number>();
  for (const record of records) {
    const rowIssues: ImportIssue[] = [];
    const problem = (field: ImportField, message: string, severity: ImportIssue['severity'] = 'error') =>
      rowIssues.push({ row: record.row, column: columns[field]?.header ?? importFieldLabels[field], message, severity });
    const cell = (field: ImportField): string | null => {
      const column = columns[field];
      const value = column ? (record.cells[column.index] ?? '').trim() : '';
      if (value === '') return null;
      const max = MAX_LENGTH[field];
      if (max && value.length > max) {
        problem(field, `Longer than ${max} characters.`);
        return null;
      }
      return value;
    };
    const word = <T>(field: ImportField, parse: (v: string) => T | null, message: string): T | null => {
      const value = cell(field);
      if (value === null) return null;
      const parsed = parse(value);
      if (parsed === null) problem(field, message);
      return parsed;
    };

    const rawPhone = cell('phone');
    const phone = toE164(rawPhone);
    if (rawPhone === null) problem('phone', 'No phone number: every customer needs one.');
    else if (!phone) problem('phone', `“${rawPhone}” is not a phone number. Write Malaysian numbers as 012-345 6789 and others with their country code (+65…).`);
    const rawIc = cell('icNumber');
    const mykad = rawIc === null ? null : parseMyKad(rawIc, now);
    if (mykad && !mykad.ok) problem('icNumber', mykad.message.en);
    const consentAnswer = word('consent', parseConsentAnswer, 'Write yes or no (also YA/TIDAK, granted/withdrawn).');
    const evidence = cell('consentEvidence');
    if (consentAnswer && !evidence) {
      problem('consent', 'Consent not imported: the row has no consent evidence (say where and when the customer agreed). The customer stays “not asked” (unknown).', 'warning');
    }
    const row: ImportRow = {
      row: record.row,
      phone: phone ?? '',
      name: cell('name'),
      mykad: mykad?.ok ? mykad.value : null,
      gender: word('gender', parseGender, 'Write M, F or NB (also L/LELAKI, P/PEREMPUAN).'),
      maritalStatus: word('maritalStatus', parseMaritalStatus, 'Write single, married, divorced or widowed (also BUJANG, BERKAHWIN, BERCERAI, BALU, DUDA).'),
      city: cell('city'),
      language: word('language', parseLanguage, 'Write ms, en or zh (also BM, English, Chinese).'),
      consent: consentAnswer && evidence ? { status: consentAnswer, evidence } : null,
    };
    const valid = () => !rowIssues.some((i) => i.severity === 'error');
    if (valid()) {
      const firstRow = firstRowOfPhone.get(row.phone);
      if (firstRow !== undefined) problem('phone', `The same number as row ${firstRow}, which is the one imported.`);
      else firstRowOfPhone.set(row.phone, record.row);
    }
    issues.push(...rowIssues);
    if (valid()) rows.push(row);
  }
  return { rows, issues };
}
