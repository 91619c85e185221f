import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { DataSubjectRequest } from '@/db/schema';
import { CloseRequestButtons } from './close-request-buttons';
import { DueClock, dateFormat } from './due-clock';
import { dataRequestKindShort } from './request-kinds';

const statusBadge = { open: 'warning', completed: 'success', rejected: 'secondary' } as const;

// The request log: open requests first, soonest due at the top, each with its clock.
export function DataRequestTable({ requests, now }: { requests: DataSubjectRequest[]; now: Date }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>From</TableHead>
          <TableHead>Request</TableHead>
          <TableHead>Received</TableHead>
          <TableHead>Due</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Notes</TableHead>
          <TableHead className="sr-only">Actions</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {requests.map((r) => (
          <TableRow key={r.id} data-testid="data-request">
            <TableCell className="font-medium">
              {r.customerId ? (
                <Link href={`/customers/${r.customerId}`} className="underline-offset-4 hover:underline">
                  {r.subjectLabel}
                </Link>
              ) : (
                r.subjectLabel
              )}
            </TableCell>
            <TableCell>{dataRequestKindShort[r.kind]}</TableCell>
            <TableCell>{dateFormat.format(r.receivedAt)}</TableCell>
            <TableCell>
              <div className="grid justify-items-start gap-1">
                <span>{dateFormat.format(r.dueAt)}</span>
                {r.status === 'open' ? <DueClock due={r.dueAt} now={now} label={{ before: 'Due in', after: 'Overdue by' }} /> : null}
              </div>
            </TableCell>
            <TableCell>
              <Badge variant={statusBadge[r.status]} className="capitalize" data-testid="request-status">
                {r.status}
              </Badge>
              {r.completedAt ? <span className="block text-xs text-muted-foreground">{dateFormat.format(r.completedAt)}</span> : null}
            </TableCell>
            <TableCell className="max-w-64 text-sm whitespace-pre-wrap text-muted-foreground">{r.notes}</TableCell>
            <TableCell>{r.status === 'open' ? <CloseRequestButtons id={r.id} subject={r.subjectLabel} /> : null}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
