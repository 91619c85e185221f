'use client';

import { type ColumnDef, useTable } from '@tanstack/react-table';
import { Users } from 'lucide-react';
import { useMemo } from 'react';
import { customerColumns, features } from '@/components/customers/customer-columns';
import { TableRows } from '@/components/shell/plain-table';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import type { CustomerJson } from '@/lib/customers/customers';
import { cn } from '@/lib/utils';
import type { PreviewState } from './use-segment-preview';

type Column = ColumnDef<typeof features, CustomerJson>;

const shownColumns = new Set(['name', 'phone', 'consent', 'state', 'gender', 'age']);
const spendColumns: Column[] = [
  { id: 'spend', accessorFn: (c) => c.totalSpent, header: 'Spend (RM)', cell: ({ row: { original: c } }) => <span className="tabular-nums">{c.totalSpent}</span> },
  { id: 'tier', accessorFn: (c) => c.tier, header: 'Tier', cell: ({ row: { original: c } }) => <span className="capitalize">{c.tier}</span> },
];

function SampleTable({ sample }: { sample: CustomerJson[] }) {
  const columns = useMemo(() => [...customerColumns(false).filter((c) => shownColumns.has(c.id ?? '')), ...spendColumns], []);
  const table = useTable({ features, columns, data: sample, getRowId: (row) => row.id, enableSorting: false });
  return <TableRows table={table} testId="segment-sample" rowTestId="segment-sample-row" />;
}

// The live count: what the server last answered, dimmed while a newer answer is on its way.
// `waiting` says why there is nothing to count yet (no condition, or one to fix).
export function PreviewCount({ state, waiting }: { state: PreviewState; waiting: string | null }) {
  const { preview, loading } = state;
  return (
    <div className="grid gap-0.5">
      <p className="flex items-center gap-2 font-semibold">
        <Users className="size-4 text-muted-foreground" aria-hidden="true" />
        <span aria-live="polite" data-testid="segment-count" className={cn('tabular-nums transition-opacity', (loading || waiting !== null) && 'opacity-50')}>
          {waiting !== null || !preview ? '—' : `${preview.count.toLocaleString('en-MY')} ${preview.count === 1 ? 'customer matches' : 'customers match'}`}
        </span>
        {loading ? <Spinner label="Counting customers" /> : null}
      </p>
      <p className="text-sm text-muted-foreground">{waiting ?? state.message ?? 'Counted now from all your customers; anonymised customers never match.'}</p>
    </div>
  );
}

// A few of the customers the count stands for, newest first, linked to their pages.
export function PreviewSample({ state, waiting }: { state: PreviewState; waiting: string | null }) {
  const { preview, loading } = state;
  if (!preview || waiting !== null) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Who matches</CardTitle>
        <CardDescription>
          {preview.sample.length === 0
            ? 'No customer matches these conditions yet.'
            : preview.count > preview.sample.length
              ? `The newest ${preview.sample.length} of ${preview.count.toLocaleString('en-MY')}.`
              : 'All of them, newest first.'}
        </CardDescription>
      </CardHeader>
      {preview.sample.length > 0 ? (
        <CardContent className={cn('overflow-x-auto transition-opacity', loading && 'opacity-60')}>
          <SampleTable sample={preview.sample} />
        </CardContent>
      ) : null}
    </Card>
  );
}
