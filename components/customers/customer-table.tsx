import Link from 'next/link';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { CustomerJson } from '@/lib/customers/customers';
import { formatDateTime } from '@/lib/inbox/format';

const columns = ['Name', 'Phone', 'Messages', 'Last message', 'Customer since'] as const;

export function CustomerTable({ customers }: { customers: CustomerJson[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHead key={c}>{c}</TableHead>
          ))}
          <TableHead className="sr-only">Actions</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {customers.map((c) => (
          <TableRow key={c.id}>
            <TableCell className="font-medium">
              {c.name}
              {c.profileName && c.profileName !== c.name ? <span className="block text-xs text-muted-foreground">WhatsApp: {c.profileName}</span> : null}
            </TableCell>
            <TableCell className="tabular-nums">{c.phone ?? '—'}</TableCell>
            <TableCell className="tabular-nums" title={`${c.inboundCount} from the customer, ${c.outboundCount} from you`}>
              {c.messageCount}
            </TableCell>
            <TableCell>{c.lastInteractionAt ? formatDateTime(c.lastInteractionAt) : '—'}</TableCell>
            <TableCell>{formatDateTime(c.createdAt)}</TableCell>
            <TableCell className="text-right">
              <Link href={`/inbox?filter=all&q=${encodeURIComponent(c.phone ?? c.name)}`} className="text-sm font-medium text-primary underline-offset-4 hover:underline">
                Open chat<span className="sr-only"> with {c.name}</span>
              </Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
