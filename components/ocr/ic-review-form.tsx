'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { approveIcCardAction } from '@/app/(app)/ocr/actions';
import { FormError, FormField, SubmitButton } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/sonner';

// The IC number and name read from the card, for an owner or admin to check against the photo.
// Approving saves the number on the customer like a typed one (date of birth, state, gender).
export function IcReviewForm({ id, icNumber, name }: { id: string; icNumber: string | null; name: string | null }) {
  const router = useRouter();
  const [state, action] = useActionState(approveIcCardAction, null);
  useEffect(() => {
    if (!state?.ok) return;
    const saved = state.data.outcome === 'ic_saved' ? 'IC saved to the profile' : 'Another customer holds this IC: it is flagged on the customer page';
    toast.success(`${saved}.${state.data.replied ? ' The customer was told.' : ''}`);
    router.push('/ocr');
  }, [state, router]);
  const failed = state?.ok === false ? state : null;
  return (
    <form action={action} className="grid gap-4" noValidate aria-label="Review the IC card">
      <input type="hidden" name="id" value={id} />
      <FormField label="IC number" htmlFor="review-icNumber" error={failed?.fieldErrors.icNumber} required hint="12 digits as on the card, e.g. 901231-01-1234.">
        <Input id="review-icNumber" name="icNumber" defaultValue={failed?.values.icNumber ?? icNumber ?? ''} inputMode="numeric" autoComplete="off" />
      </FormField>
      <FormField label="Name on the card" htmlFor="review-name" error={failed?.fieldErrors.name} hint="Kept with the OCR record; the customer's name is not changed.">
        <Input id="review-name" name="name" defaultValue={failed?.values.name ?? name ?? ''} maxLength={150} autoComplete="off" />
      </FormField>
      <FormError message={failed && !failed.fieldErrors.icNumber && !failed.fieldErrors.name ? failed.error : null} />
      <div>
        <SubmitButton pendingText="Saving…">Approve and save</SubmitButton>
      </div>
    </form>
  );
}
