import Link from 'next/link';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDateTime, formatListTime } from '@/lib/inbox/format';
import type { SegmentJson } from '@/lib/segments/segments';

export function SegmentTable({ segments }: { segments: SegmentJson[] }) {
  return (
    <Table data-testid="segment-table">
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Description</TableHead>
          <TableHead>Updated</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {segments.map((s) => (
          <TableRow key={s.id} data-testid="segment-row">
            <TableCell className="max-w-64 whitespace-normal">
              <Link href={`/segments/${s.id}`} className="font-medium underline-offset-4 hover:underline">
                {s.name}
              </Link>
            </TableCell>
            <TableCell className="max-w-md truncate text-muted-foreground">{s.description ?? '—'}</TableCell>
            <TableCell>
              <time dateTime={s.updatedAt} title={formatDateTime(s.updatedAt)}>
                {formatListTime(s.updatedAt)}
              </time>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
