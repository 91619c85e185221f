import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { EntryRow } from '@/lib/contests/entries';
import { formatMyt } from './contest-format';
import { DisqualifyButton } from './disqualify-button';

export function EntryTable({ contestId, rows, canDisqualify }: { contestId: string; rows: EntryRow[]; canDisqualify: boolean }) {
  return (
    <Table data-testid="entry-table">
      <TableHeader>
        <TableRow>
          <TableHead>Entry ID</TableHead>
          <TableHead>Customer</TableHead>
          <TableHead>Entered (MYT)</TableHead>
          <TableHead>Status</TableHead>
          {canDisqualify ? <TableHead className="sr-only">Actions</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(({ entry, customerName, customerPhone }) => (
          <TableRow key={entry.id} data-testid="entry-row">
            <TableCell className="font-mono text-xs">{entry.code}</TableCell>
            <TableCell>
              <Link href={`/customers/${entry.customerId}`} className="underline-offset-4 hover:underline">
                {customerName ?? customerPhone ?? 'Customer'}
              </Link>
            </TableCell>
            <TableCell>{formatMyt(entry.createdAt.toISOString())}</TableCell>
            <TableCell>
              {entry.status === 'valid' ? (
                <Badge variant="outline">Valid</Badge>
              ) : (
                <span className="grid gap-1">
                  <Badge variant="destructive">Disqualified</Badge>
                  <span className="text-xs text-muted-foreground">{entry.disqualifiedReason}</span>
                </span>
              )}
            </TableCell>
            {canDisqualify ? <TableCell className="text-right">{entry.status === 'valid' ? <DisqualifyButton contestId={contestId} entryId={entry.id} code={entry.code} /> : null}</TableCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
