'use client';

import { useRouter } from 'next/navigation';
import { rejectOcrJobAction } from '@/app/(app)/ocr/actions';
import { ActionDialog } from '@/components/pdpa/action-dialog';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';

// Rejects with a note for the team; the customer gets a polite fixed message, never the note.
export function RejectButton({ id, kind }: { id: string; kind: 'receipt' | 'ic_card' }) {
  const router = useRouter();
  return (
    <ActionDialog
      action={rejectOcrJobAction}
      fields={{ id }}
      trigger="Reject"
      title={kind === 'receipt' ? 'Reject this receipt?' : 'Reject this IC card?'}
      description="Nothing is recorded. The customer is told politely that it could not be accepted; your note stays with the team."
      submitLabel="Reject"
      submitVariant="destructive"
      success={(data) => (data.replied ? 'Rejected; the customer was told.' : 'Rejected. The customer’s 24-hour window had closed, so no message was sent.')}
      onDone={() => router.push('/ocr')}
    >
      {(errors, values) => (
        <FormField label="Note for the team" htmlFor="reject-note" error={errors.note} required hint="Why, in a few words (3–500 characters).">
          <Textarea id="reject-note" name="note" defaultValue={values.note ?? ''} maxLength={500} />
        </FormField>
      )}
    </ActionDialog>
  );
}
