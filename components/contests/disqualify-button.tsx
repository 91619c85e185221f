'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/sonner';
import { disqualify } from './contest-api';

export function DisqualifyButton({ contestId, entryId, code }: { contestId: string; entryId: string; code: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const answer = await disqualify(contestId, entryId, reason);
    setBusy(false);
    if (!answer.ok) {
      setError(answer.errors[0]?.message ?? answer.message);
      return;
    }
    setOpen(false);
    toast.success(`Entry ${code} disqualified.`);
    router.refresh();
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant="ghost" size="sm" className="text-destructive">
          Disqualify
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Disqualify entry {code}?</DialogTitle>
            <DialogDescription>It leaves the draw and no longer counts towards the customer’s limit. The reason is kept on record.</DialogDescription>
          </DialogHeader>
          <FormField label="Reason" htmlFor={`reason-${entryId}`} error={error} required>
            <Input id={`reason-${entryId}`} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
          </FormField>
          <DialogFooter>
            <Button type="submit" variant="destructive" disabled={busy}>
              Disqualify
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
