'use client';

import { Download } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { ImportResult } from '@/lib/customers/import/form';
import { genderLabels, maritalLabels } from '../customer-labels';
import { languageLabels } from '../profile-labels';
import { downloadReport } from './import-request';

// More than this many problems: the rest are in the downloadable report.
const ISSUES_SHOWN = 50;

const count = (n: number) => n.toLocaleString('en-MY');
// "1 row", "2 rows".
const many = (n: number, one: string, more: string) => `${count(n)} ${n === 1 ? one : more}`;

export function ImportSummary({ result }: { result: ImportResult }) {
  const items = [
    `${many(result.totalRows, 'row', 'rows')} in the file`,
    `${many(result.created, 'new customer', 'new customers')} ${result.dryRun ? 'to add' : 'added'}`,
    `${many(result.updated, 'existing customer', 'existing customers')} ${result.dryRun ? 'would be' : 'got'} updated (same phone number)`,
    `${many(result.skipped, 'row with errors', 'rows with errors')} ${result.dryRun ? 'would be' : result.skipped === 1 ? 'was' : 'were'} left out`,
  ];
  if (!result.dryRun) items.push(`${many(result.consentRecorded, 'consent decision', 'consent decisions')} recorded from evidence`);
  return (
    <ul className="grid gap-1 text-sm" aria-label={result.dryRun ? 'What the import would do' : 'What the import did'}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

export function ImportIssues({ result, fileName }: { result: ImportResult; fileName: string }) {
  if (result.issues.length === 0) return <p className="text-sm text-muted-foreground">No problems found in the file.</p>;
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          {many(result.issues.length, 'problem', 'problems')}
          {result.issues.length > ISSUES_SHOWN ? `; the first ${ISSUES_SHOWN} are shown` : ''}.
        </p>
        <Button variant="outline" size="sm" onClick={() => downloadReport(result.issues, fileName)}>
          <Download aria-hidden="true" />
          Download the report (CSV)
        </Button>
      </div>
      <Table aria-label="Problems by row">
        <TableHeader>
          <TableRow>
            <TableHead>Row</TableHead>
            <TableHead>Column</TableHead>
            <TableHead>Problem</TableHead>
            <TableHead>Result</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.issues.slice(0, ISSUES_SHOWN).map((issue, i) => (
            <TableRow key={`${issue.row}-${i}`}>
              <TableCell className="tabular-nums">{issue.row}</TableCell>
              <TableCell>{issue.column ?? '—'}</TableCell>
              <TableCell className="whitespace-normal">{issue.message}</TableCell>
              <TableCell>
                <Badge variant={issue.severity === 'error' ? 'destructive' : 'warning'}>{issue.severity === 'error' ? 'Not imported' : 'Imported'}</Badge>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

// The first rows as they will be stored: numbers in E.164, words as values, IC masked.
export function ImportPreview({ result }: { result: ImportResult }) {
  if (result.preview.length === 0) return null;
  return (
    <Table aria-label="First rows as they will be imported">
      <TableHeader>
        <TableRow>
          {['Row', 'Name', 'Phone', 'IC number', 'Gender', 'Marital status', 'City', 'Language', 'Consent'].map((h) => (
            <TableHead key={h}>{h}</TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {result.preview.map((row) => (
          <TableRow key={row.row}>
            <TableCell className="tabular-nums">{row.row}</TableCell>
            <TableCell>{row.name ?? '—'}</TableCell>
            <TableCell className="tabular-nums">{row.phone}</TableCell>
            <TableCell className="font-mono">{row.icNumberMasked ?? '—'}</TableCell>
            <TableCell>{row.gender ? genderLabels[row.gender] : '—'}</TableCell>
            <TableCell>{row.maritalStatus ? maritalLabels[row.maritalStatus] : '—'}</TableCell>
            <TableCell>{row.city ?? '—'}</TableCell>
            <TableCell>{row.language ? languageLabels[row.language] : '—'}</TableCell>
            <TableCell>{row.consent ? `${row.consent.status} (${row.consent.evidence})` : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
