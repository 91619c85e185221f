'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Badge, type BadgeProps } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/sonner';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { WinnerJson } from '@/lib/contests/winners';
import { setClaim } from './contest-api';

const claimLooks: Record<WinnerJson['claimStatus'], { label: string; variant: BadgeProps['variant'] }> = {
  pending: { label: 'Not notified', variant: 'warning' },
  notified: { label: 'Notified', variant: 'secondary' },
  claimed: { label: 'Claimed', variant: 'success' },
  forfeited: { label: 'Forfeited', variant: 'outline' },
};

export function WinnerTable({ contestId, winners, canEdit }: { contestId: string; winners: WinnerJson[]; canEdit: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  async function mark(id: string, claimStatus: 'claimed' | 'forfeited') {
    setBusy(id);
    const answer = await setClaim(contestId, id, claimStatus);
    setBusy(null);
    if (!answer.ok) {
      toast.error(answer.message);
      return;
    }
    router.refresh();
  }
  return (
    <Table data-testid="winner-table">
      <TableHeader>
        <TableRow>
          <TableHead>#</TableHead>
          <TableHead>Prize</TableHead>
          <TableHead>Winner</TableHead>
          <TableHead>Entry ID</TableHead>
          <TableHead>Claim</TableHead>
          {canEdit ? <TableHead className="sr-only">Actions</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {winners.map((w) => (
          <TableRow key={w.id} data-testid="winner-row">
            <TableCell className="tabular-nums">{w.position}</TableCell>
            <TableCell>{w.prize}</TableCell>
            <TableCell>{w.customerName ?? w.customerPhone ?? 'Customer'}</TableCell>
            <TableCell className="font-mono text-xs">{w.entryCode}</TableCell>
            <TableCell>
              <Badge variant={claimLooks[w.claimStatus].variant}>{claimLooks[w.claimStatus].label}</Badge>
            </TableCell>
            {canEdit ? (
              <TableCell className="space-x-1 text-right">
                {w.claimStatus !== 'claimed' ? (
                  <Button type="button" size="sm" variant="outline" disabled={busy === w.id} onClick={() => mark(w.id, 'claimed')}>
                    Mark claimed
                  </Button>
                ) : null}
                {w.claimStatus !== 'claimed' && w.claimStatus !== 'forfeited' ? (
                  <Button type="button" size="sm" variant="ghost" disabled={busy === w.id} onClick={() => mark(w.id, 'forfeited')}>
                    Forfeit
                  </Button>
                ) : null}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
