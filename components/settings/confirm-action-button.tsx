'use client';

import { useActionState, useEffect, useState } from 'react';
import type { ActionState } from '@/lib/actions/tenant-action';
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

// A destructive action behind a confirmation dialog; the outcome is shown as a toast.
export function ConfirmActionButton<R>({
  action,
  fields,
  label,
  title,
  description,
  confirmLabel,
  onSuccess,
}: {
  action: (prev: ActionState<R>, formData: FormData) => Promise<ActionState<R>>;
  fields: Record<string, string>;
  label: string;
  title: string;
  description: string;
  confirmLabel: string;
  // After the success toast; e.g. a refresh that removes this button (so the action cannot revalidate).
  onSuccess?: () => void;
}) {
  const [state, formAction] = useActionState(action, null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!state) return;
    setOpen(false);
    if (state.ok === false) toast.error(state.error);
    else {
      if (state.message) toast.success(state.message);
      onSuccess?.();
    }
    // Once per answer: a new onSuccess function on a later render must not run it again.
  }, [state]);
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-destructive">
          {label}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <form action={formAction}>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <AlertDialogFooter>
            <AlertDialogCancel type="button">Cancel</AlertDialogCancel>
            <SubmitButton variant="destructive">{confirmLabel}</SubmitButton>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
