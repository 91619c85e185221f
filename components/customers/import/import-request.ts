import type { ImportMapping } from '@/lib/customers/import/fields';
import type { ImportResult } from '@/lib/customers/import/form';
import { importReportCsv } from '@/lib/customers/import/report';
import type { ImportIssue } from '@/lib/customers/import/rows';

export type CsvImportAnswer<R> = { ok: true; result: R } | { ok: false; message: string };
export type ImportAnswer = CsvImportAnswer<ImportResult>;

interface ProblemBody {
  detail?: string;
  errors?: { field: string; message: string }[];
}

// The import pages talk to the same endpoints as API clients (POST /api/v1/customers/import,
// /api/v1/purchases/import), signed in by their session.
export async function postCsvImport<R>(url: string, file: File, mapping: object | null, dryRun: boolean): Promise<CsvImportAnswer<R>> {
  const form = new FormData();
  form.set('file', file);
  if (mapping) form.set('mapping', JSON.stringify(mapping));
  form.set('dryRun', String(dryRun));
  try {
    const res = await fetch(url, { method: 'POST', body: form });
    const body = (await res.json()) as R | ProblemBody;
    if (res.ok) return { ok: true, result: body as R };
    const problem = body as ProblemBody;
    const details = (problem.errors ?? []).map((e) => e.message).filter((m) => m !== problem.detail);
    return { ok: false, message: [problem.detail ?? 'The import failed.', ...details].join(' ') };
  } catch {
    return { ok: false, message: 'Could not reach Sembang. Check your connection and try again.' };
  }
}

export function postImport(file: File, mapping: ImportMapping | null, dryRun: boolean): Promise<ImportAnswer> {
  return postCsvImport<ImportResult>('/api/v1/customers/import', file, mapping, dryRun);
}

// Saves the per-row report as a CSV file next to the customer's own.
export function downloadReport(issues: readonly ImportIssue[], fileName: string): void {
  const url = URL.createObjectURL(new Blob([importReportCsv(issues)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileName.replace(/\.csv$/i, '')}-import-report.csv`;
  link.click();
  URL.revokeObjectURL(url);
}
