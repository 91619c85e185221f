'use client';

import { Trash2 } from 'lucide-react';
import { useActionState, useEffect, useState } from 'react';
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
import { SubmitButton } from '@/components/ui/form-field';
import { toast } from '@/components/ui/sonner';

const customersWord = (n: number) => `${n.toLocaleString('en-MY')} ${n === 1 ? 'customer' : 'customers'}`;

// "Delete N customers" for the selected rows, behind a confirmation that names the count.
export function BulkDeleteButton({ customerIds, onDeleted }: { customerIds: string[]; onDeleted: () => void }) {
  const [state, formAction] = useActionState(deleteCustomersAction, null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!state) return;
    setOpen(false);
    if (state.ok) {
      toast.success(`Deleted ${customersWord(state.data.deleted)}.`);
      onDeleted();
    } else toast.error(state.fieldErrors.customerIds ?? state.error);
  }, [state, onDeleted]);
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
        <form action={formAction}>
          <input type="hidden" name="customerIds" value={customerIds.join(',')} />
          <AlertDialogFooter>
            <AlertDialogCancel type="button">Cancel</AlertDialogCancel>
            <SubmitButton variant="destructive">Delete {customersWord(count)}</SubmitButton>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
