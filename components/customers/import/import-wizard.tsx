'use client';

import { FileUp, Upload } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import type { ImportMapping } from '@/lib/customers/import/fields';
import type { ImportResult } from '@/lib/customers/import/form';
import { postImport } from './import-request';
import { ImportMappingFields } from './import-mapping';
import { ImportIssues, ImportPreview, ImportSummary } from './import-results';

const MAX_MB = 5;

type Step = { kind: 'choose' } | { kind: 'map'; file: File; check: ImportResult } | { kind: 'done'; file: File; result: ImportResult };

function Step({ n, title, description, children }: { n: number; title: string; description?: string; children: React.ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle role="heading" aria-level={2}>
          {n}. {title}
        </CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="grid gap-4">{children}</CardContent>
    </Card>
  );
}

// Upload → the columns as guessed from the headers → a dry run shows what would happen and
// every bad row → import → the same report, downloadable.
export function ImportWizard() {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const check = async (file: File, next: ImportMapping | null) => {
    setError(null);
    if (file.size > MAX_MB * 1024 * 1024) {
      setError(`“${file.name}” is larger than ${MAX_MB} MB. Split it into smaller files.`);
      return;
    }
    setBusy('checking');
    const answer = await postImport(file, next, true);
    setBusy(null);
    if (!answer.ok) {
      setError(answer.message);
      return;
    }
    setMapping(answer.result.mapping);
    setStep({ kind: 'map', file, check: answer.result });
  };

  const runImport = async (file: File) => {
    setError(null);
    setBusy('importing');
    const answer = await postImport(file, mapping, false);
    setBusy(null);
    if (answer.ok) setStep({ kind: 'done', file, result: answer.result });
    else setError(answer.message);
  };

  if (step.kind === 'done') {
    return (
      <Step n={3} title="Imported" description={`From “${step.file.name}”.`}>
        <ImportSummary result={step.result} />
        <ImportIssues result={step.result} fileName={step.file.name} />
        <div className="flex flex-wrap gap-2">
          <Button asChild>
            <Link href="/customers">See the customers</Link>
          </Button>
          <Button variant="outline" onClick={() => setStep({ kind: 'choose' })}>
            Import another file
          </Button>
        </div>
      </Step>
    );
  }

  return (
    <div className="grid gap-6">
      <Step n={1} title="Choose a CSV file" description="The first row names the columns. Up to 5 MB and 50,000 rows; Excel’s CSV and CSV UTF-8 both work.">
        <FormField label="CSV file" htmlFor="import-file" hint="Customers are matched by phone number: a number you already have updates that customer.">
          <Input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            disabled={busy !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void check(file, null);
            }}
          />
        </FormField>
        {busy === 'checking' ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
            <Spinner /> Reading the file…
          </p>
        ) : null}
        <FormError message={error} />
      </Step>
      {step.kind === 'map' ? (
        <>
          <Step n={2} title="Match the columns" description="Guessed from the headers; change any that are wrong. Consent is imported only from rows with evidence — other customers stay “not asked”.">
            <ImportMappingFields
              headers={step.check.headers}
              mapping={mapping}
              disabled={busy !== null}
              onChange={(next) => {
                setMapping(next);
                void check(step.file, next);
              }}
            />
          </Step>
          <Step n={3} title="Check and import" description={`A dry run of “${step.file.name}”: nothing is saved until you import.`}>
            <ImportSummary result={step.check} />
            <ImportPreview result={step.check} />
            <ImportIssues result={step.check} fileName={step.file.name} />
            <div>
              <Button onClick={() => runImport(step.file)} disabled={busy !== null || step.check.totalRows === step.check.skipped}>
                {busy === 'importing' ? <Spinner /> : <Upload aria-hidden="true" />}
                {busy === 'importing' ? 'Importing…' : `Import ${(step.check.totalRows - step.check.skipped).toLocaleString('en-MY')} rows`}
              </Button>
            </div>
          </Step>
        </>
      ) : (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <FileUp className="size-4" aria-hidden="true" />
          Columns Sembang understands: name, phone, IC number, gender, marital status, city, language, consent and consent evidence (English or Malay headers).
        </p>
      )}
    </div>
  );
}
