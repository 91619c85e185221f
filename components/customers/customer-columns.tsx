'use client';

import { type ColumnDef, rowSelectionFeature, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import Link from 'next/link';
import { Checkbox } from '@/components/ui/checkbox';
import type { CustomerJson } from '@/lib/customers/customers';
import { formatDateTime, formatListTime } from '@/lib/inbox/format';
import { stateName } from '@/lib/mykad/places';
import { ConsentBadge } from './consent-badge';
import { genderLabels } from './customer-labels';

export const features = tableFeatures({ rowSortingFeature, rowSelectionFeature });

type Column = ColumnDef<typeof features, CustomerJson>;

const dash = <span className="text-muted-foreground">—</span>;

const selectColumn: Column = {
  id: 'select',
  enableSorting: false,
  header: ({ table }) => (
    <Checkbox
      aria-label="Select every customer on this page"
      checked={table.getIsAllPageRowsSelected() ? true : table.getIsSomePageRowsSelected() ? 'indeterminate' : false}
      onCheckedChange={(checked) => table.toggleAllPageRowsSelected(checked === true)}
    />
  ),
  cell: ({ row }) => <Checkbox aria-label={`Select ${row.original.name}`} checked={row.getIsSelected()} onCheckedChange={(checked) => row.toggleSelected(checked === true)} />,
};

// Column ids that can sort are the list's sort keys (lib/customers/list-query).
const dataColumns: Column[] = [
  {
    id: 'name',
    accessorFn: (c) => c.name,
    header: 'Name',
    sortDescFirst: false,
    cell: ({ row: { original: c } }) => (
      <div className="max-w-56 whitespace-normal">
        <Link href={`/customers/${c.id}`} className="font-medium underline-offset-4 hover:underline">
          {c.name}
        </Link>
        {c.profileName && c.profileName !== c.name ? <span className="block truncate text-xs text-muted-foreground">WhatsApp: {c.profileName}</span> : null}
      </div>
    ),
  },
  { id: 'phone', accessorFn: (c) => c.phone, header: 'Phone', enableSorting: false, cell: ({ row: { original: c } }) => <span className="tabular-nums">{c.phone ?? dash}</span> },
  { id: 'consent', accessorFn: (c) => c.consentStatus, header: 'Consent', enableSorting: false, cell: ({ row: { original: c } }) => <ConsentBadge status={c.consentStatus} /> },
  { id: 'state', accessorFn: (c) => c.state, header: 'State', enableSorting: false, cell: ({ row: { original: c } }) => stateName(c.state) ?? c.birthCountry ?? dash },
  { id: 'gender', accessorFn: (c) => c.gender, header: 'Gender', enableSorting: false, cell: ({ row: { original: c } }) => (c.gender ? genderLabels[c.gender] : dash) },
  { id: 'age', accessorFn: (c) => c.age, header: 'Age', sortDescFirst: false, cell: ({ row: { original: c } }) => <span className="tabular-nums">{c.age ?? dash}</span> },
  {
    id: 'inbound',
    accessorFn: (c) => c.inboundCount,
    header: () => <span title="Messages from the customer">In</span>,
    sortDescFirst: true,
    cell: ({ row: { original: c } }) => <span className="tabular-nums">{c.inboundCount}</span>,
  },
  {
    id: 'outbound',
    accessorFn: (c) => c.outboundCount,
    header: () => <span title="Messages from you">Out</span>,
    sortDescFirst: true,
    cell: ({ row: { original: c } }) => <span className="tabular-nums">{c.outboundCount}</span>,
  },
  {
    id: 'lastInteraction',
    accessorFn: (c) => c.lastInteractionAt,
    header: 'Last message',
    sortDescFirst: true,
    cell: ({ row: { original: c } }) => (c.lastInteractionAt ? <time dateTime={c.lastInteractionAt} title={formatDateTime(c.lastInteractionAt)}>{formatListTime(c.lastInteractionAt)}</time> : dash),
  },
];

export function customerColumns(selectable: boolean): Column[] {
  return selectable ? [selectColumn, ...dataColumns] : dataColumns;
}
