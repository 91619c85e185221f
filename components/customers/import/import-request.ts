import type { ImportMapping } from '@/lib/customers/import/fields';
import type { ImportResult } from '@/lib/customers/import/form';
import { importReportCsv } from '@/lib/customers/import/report';
import type { ImportIssue } from '@/lib/customers/import/rows';

export type ImportAnswer = { ok: true; result: ImportResult } | { ok: false; message: string };

interface ProblemBody {
  detail?: string;
  errors?: { field: string; message: string }[];
}

// The import page talks to the same endpoint as API clients (POST /api/v1/customers/import),
// signed in by its session.
export async function postImport(file: File, mapping: ImportMapping | null, dryRun: boolean): Promise<ImportAnswer> {
  const form = new FormData();
  form.set('file', file);
  if (mapping) form.set('mapping', JSON.stringify(mapping));
  form.set('dryRun', String(dryRun));
  try {
    const res = await fetch('/api/v1/customers/import', { method: 'POST', body: form });
    const body = (await res.json()) as ImportResult | ProblemBody;
    if (res.ok) return { ok: true, result: body as ImportResult };
    const problem = body as ProblemBody;
    const details = (problem.errors ?? []).map((e) => e.message).filter((m) => m !== problem.detail);
    return { ok: false, message: [problem.detail ?? 'The import failed.', ...details].join(' ') };
  } catch {
    return { ok: false, message: 'Could not reach Sembang. Check your connection and try again.' };
  }
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
