import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { ocrKinds, ocrStatuses } from '@/db/schema';
import { kindLabels, sourceLabels, statusLabels } from './ocr-labels';

export interface OcrLogParams {
  status?: string;
  kind?: string;
  source?: string;
}

function Filter({ name, label, value, options }: { name: string; label: string; value?: string; options: [string, string][] }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={`ocr-${name}`}>{label}</Label>
      <NativeSelect id={`ocr-${name}`} name={name} defaultValue={value ?? ''} containerClassName="w-40">
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

// A plain GET form: the filters live in the URL, so a filtered log can be shared or reloaded.
export function OcrLogFilters({ params }: { params: OcrLogParams }) {
  return (
    <form method="get" action="/ocr/log" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter the OCR log">
      <Filter name="status" label="Status" value={params.status} options={ocrStatuses.map((s) => [s, statusLabels[s]])} />
      <Filter name="kind" label="Kind" value={params.kind} options={ocrKinds.map((k) => [k, kindLabels[k]])} />
      <Filter name="source" label="From" value={params.source} options={Object.entries(sourceLabels)} />
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      {params.status || params.kind || params.source ? (
        <Button asChild variant="ghost">
          <Link href="/ocr/log">Clear</Link>
        </Button>
      ) : null}
    </form>
  );
}
