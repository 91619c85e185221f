'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Answer } from '@/components/segments/segment-api';
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
import { Spinner } from '@/components/ui/spinner';

// Delete behind a confirmation dialog, through the REST API the page already talks to; on
// success a toast and the list page (`backTo`).
export function ConfirmDeleteButton({
  remove,
  name,
  what,
  description,
  backTo,
}: {
  remove: () => Promise<Answer<undefined>>;
  name: string;
  // 'segment', 'contest': in the toast and the confirm button.
  what: string;
  description: string;
  backTo: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    const answer = await remove();
    setBusy(false);
    if (!answer.ok) {
      toast.error(answer.message);
      return;
    }
    setOpen(false);
    toast.success(`${what[0]?.toUpperCase()}${what.slice(1)} “${name}” deleted.`);
    router.push(backTo);
    router.refresh();
  };
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button type="button" variant="ghost" className="text-destructive">
          Delete
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete “{name}”?</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel type="button">Cancel</AlertDialogCancel>
          <Button type="button" variant="destructive" onClick={confirm} disabled={busy} aria-busy={busy || undefined}>
            {busy ? <Spinner label="Deleting" /> : null}
            Delete {what}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
