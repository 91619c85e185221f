'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormError, SubmitButton } from '@/components/ui/form-field';
import { toast } from '@/components/ui/sonner';
import type { ActionState } from '@/lib/actions/tenant-action';

// A small form in a dialog (close a request, record a notification, anonymise): field errors
// show beside the fields, success closes it with a toast.
export function ActionDialog<R>({
  action,
  fields,
  trigger,
  triggerVariant = 'outline',
  title,
  description,
  submitLabel,
  submitVariant,
  success,
  onDone,
  children,
}: {
  action: (prev: ActionState<R>, formData: FormData) => Promise<ActionState<R>>;
  fields: Record<string, string>;
  trigger: string;
  triggerVariant?: ButtonProps['variant'];
  title: string;
  description: string;
  submitLabel: string;
  submitVariant?: ButtonProps['variant'];
  success: string | ((data: R) => string);
  onDone?: (data: R) => void;
  children?: (errors: Record<string, string>, values: Record<string, string>) => React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, null);
  const [open, setOpen] = useState(false);
  const failed = state?.ok === false ? state : null;
  // Each answer is acted on once, however often the callbacks change.
  const handled = useRef<ActionState<R>>(null);
  useEffect(() => {
    if (!state?.ok || handled.current === state) return;
    handled.current = state;
    setOpen(false);
    toast.success(typeof success === 'string' ? success : success(state.data));
    onDone?.(state.data);
  }, [state, success, onDone]);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={triggerVariant} size="sm">
          {trigger}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form action={formAction} className="grid gap-4" noValidate>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {children?.(failed?.fieldErrors ?? {}, failed?.values ?? {})}
          <FormError message={failed && Object.keys(failed.fieldErrors).length === 0 ? failed.error : null} />
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <SubmitButton variant={submitVariant}>{submitLabel}</SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
