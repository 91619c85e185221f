'use client';

import { FileUp } from 'lucide-react';
import { useState } from 'react';
import { postCsvImport } from '@/components/customers/import/import-request';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { PurchaseImportResult } from '@/lib/purchases/import/import';

const ISSUES_SHOWN = 50;
const many = (n: number, one: string, more: string) => `${n.toLocaleString('en-MY')} ${n === 1 ? one : more}`;

function Summary({ result }: { result: PurchaseImportResult }) {
  const will = result.dryRun;
  const items = [
    `${many(result.totalRows, 'row', 'rows')} in the file`,
    `${many(result.imported, 'purchase', 'purchases')} ${will ? 'to add' : 'added'}`,
    `${many(result.skipped, 'row', 'rows')} with errors or no matching customer ${will ? 'would be' : result.skipped === 1 ? 'was' : 'were'} left out`,
  ];
  if (!will) items.push(`${many(result.alreadyImported, 'row', 'rows')} already imported before, ${many(result.duplicates, 'receipt', 'receipts')} already recorded`, `${many(result.tiersChanged, 'customer', 'customers')} changed tier`);
  return (
    <ul className="grid gap-1 text-sm" aria-label={will ? 'What the purchase import would do' : 'What the purchase import did'}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function Issues({ result }: { result: PurchaseImportResult }) {
  if (result.issues.length === 0) return <p className="text-sm text-muted-foreground">No problems found in the file.</p>;
  return (
    <Table aria-label="Purchase rows with problems">
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
              <Badge variant={issue.severity === 'error' ? 'destructive' : 'warning'}>Not added</Badge>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

// Purchases from a spreadsheet or a POS export: check first (a dry run), then import. The
// page uses the same endpoint as API clients, POST /api/v1/purchases/import.
export function PurchaseImport() {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<PurchaseImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    const answer = await postCsvImport<PurchaseImportResult>('/api/v1/purchases/import', file, null, dryRun);
    setBusy(false);
    if (answer.ok) setResult(answer.result);
    else setError(answer.message);
  };

  return (
    <Card className="mt-6">
      <CardHeader>
        <CardTitle role="heading" aria-level={2}>
          Import purchases
        </CardTitle>
        <CardDescription>
          A CSV with the customer&apos;s phone number (or Sembang customer id), the date (2026-03-14 or 14/03/2026), the total, and if you have them the merchant and receipt
          number. Spend and tiers update; importing the same file again adds nothing.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <FormField label="Purchases file (CSV, up to 5 MB)" htmlFor="purchase-import-file">
          <Input
            id="purchase-import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
        </FormField>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" disabled={!file || busy} onClick={() => send(true)}>
            {busy ? <Spinner /> : <FileUp aria-hidden="true" />}
            Check the file
          </Button>
          {result?.dryRun && result.imported > 0 ? (
            <Button disabled={busy} onClick={() => send(false)}>
              Import {many(result.imported, 'purchase', 'purchases')}
            </Button>
          ) : null}
        </div>
        <FormError message={error} />
        {result ? (
          <>
            <Summary result={result} />
            <Issues result={result} />
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}
