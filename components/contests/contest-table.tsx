import Link from 'next/link';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { ContestJson } from '@/lib/contests/contests';
import { ContestStatusBadge } from './contest-status-badge';
import { entryMethodLabel, formatMyt } from './contest-format';

export function ContestTable({ contests }: { contests: ContestJson[] }) {
  return (
    <Table data-testid="contest-table">
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>How to enter</TableHead>
          <TableHead>Runs (MYT)</TableHead>
          <TableHead className="text-right">Entries</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {contests.map((c) => (
          <TableRow key={c.id} data-testid="contest-row">
            <TableCell className="max-w-64 whitespace-normal">
              <Link href={`/contests/${c.id}`} className="font-medium underline-offset-4 hover:underline">
                {c.name}
              </Link>
            </TableCell>
            <TableCell>
              <ContestStatusBadge status={c.status} />
            </TableCell>
            <TableCell>{entryMethodLabel(c.entryMethod)}</TableCell>
            <TableCell className="text-muted-foreground">
              {formatMyt(c.startsAt)} – {formatMyt(c.endsAt)}
            </TableCell>
            <TableCell className="text-right tabular-nums" data-testid="contest-entry-count">
              {c.entryCount.toLocaleString('en-MY')}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
