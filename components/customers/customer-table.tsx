'use client';

import { type RowSelectionState, type SortingState, functionalUpdate, useTable } from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useCallback, useMemo, useState } from 'react';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { CustomerJson } from '@/lib/customers/customers';
import type { CustomerSort, SortOrder } from '@/lib/customers/list-query';
import { cn } from '@/lib/utils';
import { BulkDeleteButton } from './bulk-delete-button';
import { customerColumns, features } from './customer-columns';
import { useCustomerList } from './use-customer-list';

const sortLabels: Record<SortOrder, string> = { asc: 'ascending', desc: 'descending' };

// One page of customers. Sorting and paging happen on the server (the URL changes and the
// page reloads its rows); selection is this page's rows, for bulk delete.
export function CustomerTable({ customers, sort, order, canDelete }: { customers: CustomerJson[]; sort: CustomerSort; order: SortOrder; canDelete: boolean }) {
  const { navigate, pending } = useCustomerList();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const sorting = useMemo<SortingState>(() => [{ id: sort, desc: order === 'desc' }], [sort, order]);
  const columns = useMemo(() => customerColumns(canDelete), [canDelete]);
  const table = useTable({
    features,
    columns,
    data: customers,
    getRowId: (row) => row.id,
    state: { sorting, rowSelection },
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next) navigate({ sort: next.id, order: next.desc ? 'desc' : 'asc' });
    },
    enableRowSelection: canDelete,
    onRowSelectionChange: setRowSelection,
  });
  const selectedIds = table.getSelectedRowIds();
  const clearSelection = useCallback(() => setRowSelection({}), []);
  return (
    <div className="grid gap-2">
      {canDelete && selectedIds.length > 0 ? (
        // Stays in view below the header while scrolling a long page.
        <div className="sticky top-14 z-10 flex items-center gap-3 bg-card px-2 py-1">
          <span className="text-sm text-muted-foreground">{selectedIds.length} selected</span>
          <BulkDeleteButton customerIds={selectedIds} onDeleted={clearSelection} />
        </div>
      ) : null}
      <Table aria-busy={pending || undefined} className={cn('transition-opacity', pending && 'opacity-60')} data-testid="customer-table">
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <TableHead key={header.id} aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}>
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
                        title={sorted ? `Sorted ${sortLabels[sorted]}; click to reverse` : 'Sort by this column'}
                      >
                        <table.FlexRender header={header} />
                        {sorted === 'asc' ? <ArrowUp className="size-3.5" aria-hidden="true" /> : sorted === 'desc' ? <ArrowDown className="size-3.5" aria-hidden="true" /> : <ArrowUpDown className="size-3.5 opacity-40" aria-hidden="true" />}
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </TableHead>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.map((row) => (
            <TableRow key={row.id} data-state={row.getIsSelected() ? 'selected' : undefined} data-testid="customer-row">
              {row.getAllCells().map((cell) => (
                <TableCell key={cell.id}>
                  <table.FlexRender cell={cell} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
