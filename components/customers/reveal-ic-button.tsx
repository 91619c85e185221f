'use client';

import { Eye, EyeOff } from 'lucide-react';
import { useEffect, useState } from 'react';
import { revealIcAction } from '@/app/(app)/customers/[id]/actions';
import { runAction } from '@/components/inbox/run-action';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/sonner';

// How long a revealed IC number stays on screen.
export const REVEAL_SECONDS = 30;

// Owners and admins only (the page leaves it out for agents, and the action refuses them).
// Each reveal is written to the audit log before the number is sent.
export function RevealIc({ customerId, masked }: { customerId: string; masked: string }) {
  const [revealed, setRevealed] = useState<string | null>(null);
  const [left, setLeft] = useState(0);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (!revealed) return;
    if (left <= 0) {
      setRevealed(null);
      return;
    }
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [revealed, left]);

  const reveal = async () => {
    setPending(true);
    const state = await runAction(revealIcAction, { customerId });
    setPending(false);
    if (!state.ok) {
      toast.error(state.error);
      return;
    }
    setRevealed(state.data.icNumber);
    setLeft(REVEAL_SECONDS);
  };

  return (
    <span className="flex flex-wrap items-center gap-2">
      <span className="font-mono tabular-nums" data-testid="customer-ic">
        {revealed ?? masked}
      </span>
      {revealed ? (
        <>
          <Button type="button" variant="ghost" size="sm" onClick={() => setRevealed(null)}>
            <EyeOff aria-hidden="true" />
            Hide
          </Button>
          <span className="text-xs text-muted-foreground" role="status">
            Hidden again in {left} s · this reveal is in the audit log
          </span>
        </>
      ) : (
        <Button type="button" variant="outline" size="sm" onClick={reveal} disabled={pending} aria-label="Reveal the full IC number">
          <Eye aria-hidden="true" />
          {pending ? 'Revealing…' : 'Reveal'}
        </Button>
      )}
    </span>
  );
}
