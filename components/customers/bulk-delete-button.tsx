'use client';

import { Loader2, Trash2 } from 'lucide-react';
import { useState, useTransition } from 'react';
import { deleteCustomersAction } from '@/app/(app)/customers/actions';
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

const customersWord = (n: number) => `${n.toLocaleString('en-MY')} ${n === 1 ? 'customer' : 'customers'}`;

// "Delete N customers" for the selected rows, behind a confirmation that names the count.
export function BulkDeleteButton({ customerIds, onDeleted }: { customerIds: string[]; onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  // The toast is raised here rather than from rendered state: deleting the last rows of a page
  // replaces the table (and this button) with the empty state.
  const submit = (form: FormData) =>
    startTransition(async () => {
      const state = await deleteCustomersAction(null, form);
      setOpen(false);
      if (state?.ok) {
        toast.success(`Deleted ${customersWord(state.data.deleted)}.`);
        onDeleted();
      } else if (state) toast.error(state.fieldErrors.customerIds ?? state.error);
    });
  const count = customerIds.length;
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="destructive" size="sm">
          <Trash2 aria-hidden="true" />
          Delete {customersWord(count)}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete {customersWord(count)}?</AlertDialogTitle>
          <AlertDialogDescription>
            Their conversations, messages, consent history and files are erased for good (PDPA erasure). The audit log keeps only the number deleted. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <form action={submit}>
          <input type="hidden" name="customerIds" value={customerIds.join(',')} />
          <AlertDialogFooter>
            <AlertDialogCancel type="button">Cancel</AlertDialogCancel>
            <Button type="submit" variant="destructive" disabled={pending} aria-busy={pending || undefined}>
              {pending ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
              Delete {customersWord(count)}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
