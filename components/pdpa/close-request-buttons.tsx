'use client';

import { closeDataRequestAction } from '@/app/(app)/settings/pdpa/requests/actions';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { ActionDialog } from './action-dialog';

function NotesField({ error, value, required }: { error?: string; value?: string; required: boolean }) {
  return (
    <FormField label={required ? 'Why is it refused?' : 'What was done (optional)'} htmlFor="close-request-notes" error={error}>
      <Textarea id="close-request-notes" name="notes" rows={3} defaultValue={value} maxLength={2000} />
    </FormField>
  );
}

// Complete or reject an open request; a refusal needs its reason (PDPA s.33).
export function CloseRequestButtons({ id, subject }: { id: string; subject: string }) {
  return (
    <div className="flex justify-end gap-2">
      <ActionDialog
        action={closeDataRequestAction}
        fields={{ id, status: 'completed' }}
        trigger="Complete"
        title={`Complete the request from ${subject}?`}
        description="Mark it answered. It leaves the open list; the log keeps it."
        submitLabel="Mark completed"
        success="Request completed."
      >
        {(errors, values) => <NotesField error={errors.notes} value={values.notes} required={false} />}
      </ActionDialog>
      <ActionDialog
        action={closeDataRequestAction}
        fields={{ id, status: 'rejected' }}
        trigger="Reject"
        triggerVariant="ghost"
        title={`Refuse the request from ${subject}?`}
        description="PDPA lets you refuse only on its grounds (e.g. the identity cannot be verified), and the person must be told why within the 21 days."
        submitLabel="Refuse request"
        submitVariant="destructive"
        success="Request refused."
      >
        {(errors, values) => <NotesField error={errors.notes} value={values.notes} required />}
      </ActionDialog>
    </div>
  );
}
