'use client';

import * as React from 'react';
import { useFormStatus } from 'react-dom';
import { CircleAlertIcon, Loader2Icon } from 'lucide-react';

import { Button, type ButtonProps } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/utils';

type ControlAriaProps = {
  'aria-describedby'?: string;
  'aria-invalid'?: React.AriaAttributes['aria-invalid'];
};

const FORM_CONTROL_TAGS = new Set(['input', 'select', 'textarea', 'button']);

type FormFieldProps = {
  label: React.ReactNode;
  /** id of the control; the label's `for` and the base for hint/error ids. */
  htmlFor: string;
  error?: string | null;
  hint?: React.ReactNode;
  required?: boolean;
  className?: string;
  children: React.ReactNode;
};

/**
 * Label + control + hint + error for plain server-action forms.
 * The error renders with role="alert" and id `${htmlFor}-error`, the hint with
 * id `${htmlFor}-hint`. When `children` is a single form control element that
 * doesn't set its own `aria-describedby`/`aria-invalid`, they are wired up
 * automatically.
 */
function FormField({ label, htmlFor, error, hint, required, className, children }: FormFieldProps) {
  const hintId = `${htmlFor}-hint`;
  const errorId = `${htmlFor}-error`;
  const describedBy =
    [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;

  let control: React.ReactNode = children;
  if (
    React.isValidElement<ControlAriaProps>(children) &&
    children.type !== React.Fragment &&
    (typeof children.type !== 'string' || FORM_CONTROL_TAGS.has(children.type))
  ) {
    const own = children.props;
    control = React.cloneElement(children, {
      'aria-describedby': own['aria-describedby'] ?? describedBy,
      'aria-invalid': own['aria-invalid'] ?? (error ? true : undefined),
    });
  }

  return (
    <div
      data-slot="form-field"
      data-invalid={error ? true : undefined}
      className={cn('grid gap-2', className)}
    >
      <Label htmlFor={htmlFor} className={cn(error && 'text-destructive')}>
        {label}
        {required ? (
          <span aria-hidden="true" className="text-destructive">
            *
          </span>
        ) : null}
      </Label>
      {control}
      {hint ? (
        <p id={hintId} data-slot="form-field-hint" className="text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p
          id={errorId}
          role="alert"
          data-slot="form-field-error"
          className="text-sm font-medium text-destructive"
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}

type FormErrorProps = {
  message?: string | null;
  title?: string;
  className?: string;
};

/** Form-level error banner; renders nothing when there is no message. */
function FormError({ message, title, className }: FormErrorProps) {
  if (!message) return null;

  return (
    <div
      role="alert"
      data-slot="form-error"
      className={cn(
        'flex items-start gap-3 rounded-md border border-destructive/50 bg-destructive/10 px-4 py-3 text-sm text-destructive',
        className,
      )}
    >
      <CircleAlertIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="grid gap-0.5">
        {title ? <p className="font-medium">{title}</p> : null}
        <p>{message}</p>
      </div>
    </div>
  );
}

type SubmitButtonProps = Omit<ButtonProps, 'type' | 'asChild'> & {
  /** Optional label shown while the form is submitting. */
  pendingText?: React.ReactNode;
};

/** Submit button that disables itself and shows a spinner while its <form> is pending. */
function SubmitButton({ children, pendingText, disabled, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();

  return (
    <Button
      type="submit"
      data-slot="submit-button"
      disabled={pending || disabled}
      aria-busy={pending || undefined}
      {...props}
    >
      {pending ? <Loader2Icon aria-hidden="true" className="animate-spin" /> : null}
      {pending && pendingText ? pendingText : children}
    </Button>
  );
}

export {
  FormError,
  FormField,
  SubmitButton,
  type FormErrorProps,
  type FormFieldProps,
  type SubmitButtonProps,
};
