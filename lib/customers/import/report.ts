import { csvDocument } from '@/lib/csv/write';
import type { ImportIssue } from './rows';

// The per-row report as a spreadsheet, for fixing the file and importing it again.
export function importReportCsv(issues: readonly ImportIssue[]): string {
  return csvDocument(
    ['Row', 'Column', 'Problem', 'Result'],
    issues.map((i) => [i.row, i.column, i.message, i.severity === 'error' ? 'Row not imported' : 'Row imported']),
  );
}
