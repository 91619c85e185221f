'use client';

import { TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { closeFlagAction } from '@/app/(app)/customers/[id]/actions';
import { runAction } from '@/components/inbox/run-action';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/sonner';
import type { CustomerFlagView } from '@/lib/customers/flags';

function customerLink(c: { id: string; name: string }) {
  return (
    <Link href={`/customers/${c.id}`} className="font-medium underline underline-offset-4">
      {c.name}
    </Link>
  );
}

// An IC number two customers claim is never merged: a person looks at both profiles, corrects
// one, and closes the flag (owners and admins).
export function CustomerFlags({ customerId, flags, canClose }: { customerId: string; flags: CustomerFlagView[]; canClose: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const close = async (flagId: string, status: 'resolved' | 'dismissed') => {
    setBusy(flagId);
    const state = await runAction(closeFlagAction, { flagId, status });
    setBusy(null);
    if (!state.ok) toast.error(state.error);
    else {
      toast.success(status === 'resolved' ? 'Flag resolved.' : 'Flag dismissed.');
      router.refresh();
    }
  };
  return (
    <div className="grid gap-3">
      {flags.map((flag) => {
        const other = flag.claimant.id === customerId ? flag.holder : flag.claimant;
        return (
          <Alert key={flag.id} className="border-warning/40 bg-warning/10">
            <TriangleAlert aria-hidden="true" />
            <AlertTitle>Duplicate IC number</AlertTitle>
            <AlertDescription>
              <p>
                {flag.claimant.id === customerId ? (
                  <>This customer gave an IC number that {other ? customerLink(other) : 'a deleted customer'} already has.</>
                ) : (
                  <>IC also claimed by {customerLink(flag.claimant)}.</>
                )}{' '}
                Nothing was merged: check both profiles and correct the wrong one.
              </p>
              {canClose ? (
                <div className="mt-2 flex gap-2">
                  <Button size="sm" variant="outline" disabled={busy === flag.id} onClick={() => close(flag.id, 'resolved')}>
                    Mark resolved
                  </Button>
                  <Button size="sm" variant="ghost" disabled={busy === flag.id} onClick={() => close(flag.id, 'dismissed')}>
                    Dismiss
                  </Button>
                </div>
              ) : null}
            </AlertDescription>
          </Alert>
        );
      })}
    </div>
  );
}
