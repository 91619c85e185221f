'use client';

import { type ColumnDef, type ReactTable, type RowData, type TableFeatures, tableFeatures, useTable } from '@tanstack/react-table';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

export const plainFeatures = tableFeatures({});
export type PlainColumn<T extends RowData> = ColumnDef<typeof plainFeatures, T>;

// A table of one page of rows, no sorting or selection (the server pages and filters).
export function PlainTable<T extends RowData & { id: string }>({ columns, data, testId, rowTestId }: { columns: PlainColumn<T>[]; data: T[]; testId: string; rowTestId: string }) {
  const table = useTable({ features: plainFeatures, columns, data, getRowId: (row) => row.id });
  return <TableRows table={table} testId={testId} rowTestId={rowTestId} />;
}

// Header and body of any table instance, cells as its columns render them.
export function TableRows<F extends TableFeatures, T extends RowData>({ table, testId, rowTestId }: { table: ReactTable<F, T>; testId: string; rowTestId: string }) {
  return (
    <Table data-testid={testId}>
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => (
              <TableHead key={header.id}>
                <table.FlexRender header={header} />
              </TableHead>
            ))}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {table.getRowModel().rows.map((row) => (
          <TableRow key={row.id} data-testid={rowTestId}>
            {row.getAllCells().map((cell) => (
              <TableCell key={cell.id}>
                <table.FlexRender cell={cell} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
