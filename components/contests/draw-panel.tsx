'use client';

import { CheckCircle2, XCircle } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/sonner';
import type { DrawJson } from '@/lib/contests/draw';
import { type DrawCheckJson, runDraw, verifyDraw } from './contest-api';

interface Props {
  contestId: string;
  draw: DrawJson | null;
  // Why the draw cannot run yet (still open, no entries), or null when it can.
  blockedBecause: string | null;
  canDraw: boolean;
}

// Draw the winners (after the end), then show the commitment and the seed, and re-run the draw
// from them on request.
export function DrawPanel({ contestId, draw, blockedBecause, canDraw }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<DrawCheckJson | null>(null);

  async function drawNow() {
    setBusy(true);
    const answer = await runDraw(contestId);
    setBusy(false);
    if (!answer.ok) {
      toast.error(answer.message);
      return;
    }
    toast.success(`${answer.data.winners.length} winner(s) drawn and notified.`);
    router.refresh();
  }

  async function verify() {
    setBusy(true);
    const answer = await verifyDraw(contestId);
    setBusy(false);
    if (!answer.ok) toast.error(answer.message);
    else setCheck(answer.data);
  }

  if (!draw?.seed) {
    if (!canDraw) return <p className="text-sm text-muted-foreground">Owners and admins draw the winners after the contest ends.</p>;
    return (
      <div className="grid gap-2">
        {blockedBecause ? <p className="text-sm text-muted-foreground">{blockedBecause}</p> : null}
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button type="button" disabled={blockedBecause !== null || busy} className="w-fit">
              Draw winners
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Draw the winners now?</AlertDialogTitle>
              <AlertDialogDescription>
                The entry list is sealed with a commitment first, then the winners are picked from a secret random seed that is published afterwards. It cannot be undone, and the winners are told on WhatsApp.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel type="button">Cancel</AlertDialogCancel>
              <Button type="button" onClick={drawNow} disabled={busy}>
                Draw winners
              </Button>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </div>
    );
  }

  return (
    <div className="grid gap-3 text-sm">
      <dl className="grid gap-2">
        <div>
          <dt className="text-muted-foreground">Commitment (recorded before the draw)</dt>
          <dd className="font-mono text-xs break-all" data-testid="draw-commitment">
            {draw.commitment}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Seed (published after the draw)</dt>
          <dd className="font-mono text-xs break-all" data-testid="draw-seed">
            {draw.seed}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Entries in the draw</dt>
          <dd>{draw.entryCount.toLocaleString('en-MY')}</dd>
        </div>
      </dl>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="outline" onClick={verify} disabled={busy}>
          Verify
        </Button>
        {check ? (
          <p role="status" className="flex items-center gap-2" data-testid="verify-result">
            {check.commitmentMatches && check.winnersMatch ? <CheckCircle2 className="size-4 text-success" aria-hidden="true" /> : <XCircle className="size-4 text-destructive" aria-hidden="true" />}
            {check.commitmentMatches && check.winnersMatch
              ? `Match: the seed opens the commitment and re-running the draw over ${check.entryCount} entries gives the same winners.`
              : `No match: ${check.commitmentMatches ? 'the winners differ' : 'the seed does not open the commitment'}.`}
          </p>
        ) : null}
      </div>
    </div>
  );
}
