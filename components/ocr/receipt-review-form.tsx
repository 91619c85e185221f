'use client';

import { Plus, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState } from 'react';
import { approveReceiptAction } from '@/app/(app)/ocr/actions';
import { Button } from '@/components/ui/button';
import { FormError, FormField, SubmitButton } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/sonner';

export interface ReceiptDraft {
  merchant: string | null;
  date: string | null;
  total: string | null;
  tax: string | null;
  rounding: string | null;
  receiptNumber: string | null;
  paymentMethod: string | null;
  items: { name: string; quantity: number; amount: string }[];
}

interface ItemRow {
  key: number;
  name: string;
  quantity: string;
  amount: string;
}

const scalarFields = ['date', 'total', 'merchant', 'tax', 'rounding', 'receiptNumber', 'paymentMethod'] as const;

let rowKey = 0;
const row = (item?: ReceiptDraft['items'][number]): ItemRow => ({ key: ++rowKey, name: item?.name ?? '', quantity: String(item?.quantity ?? 1), amount: item?.amount ?? '' });

// What OCR read, editable, beside the photo: approving records the purchase as shown here and
// tells the customer. Errors appear beside their fields (an item's under the items).
export function ReceiptReviewForm({ id, draft }: { id: string; draft: ReceiptDraft }) {
  const router = useRouter();
  const [state, action] = useActionState(approveReceiptAction, null);
  const [items, setItems] = useState<ItemRow[]>(() => draft.items.map(row));
  useEffect(() => {
    if (!state?.ok) return;
    toast.success(state.data.replied ? 'Purchase recorded; the customer was told.' : 'Purchase recorded. The customer’s 24-hour window had closed, so no reply was sent.');
    router.push('/ocr');
  }, [state, router]);
  const failed = state?.ok === false ? state : null;
  const value = (name: (typeof scalarFields)[number]) => failed?.values[name] ?? draft[name] ?? '';
  const error = (name: string) => failed?.fieldErrors[name];
  const itemErrors = failed ? Object.entries(failed.fieldErrors).filter(([field]) => field.startsWith('items')) : [];
  const update = (key: number, change: Partial<ItemRow>) => setItems((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const payload = JSON.stringify(items.filter((r) => r.name.trim() || r.amount.trim()).map((r) => ({ name: r.name, quantity: Number(r.quantity) || 0, amount: r.amount })));

  return (
    <form action={action} className="grid gap-4" noValidate aria-label="Review the receipt">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="items" value={payload} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Merchant" htmlFor="review-merchant" error={error('merchant')}>
          <Input id="review-merchant" name="merchant" defaultValue={value('merchant')} maxLength={200} />
        </FormField>
        <FormField label="Date on the receipt" htmlFor="review-date" error={error('date')} required>
          <Input id="review-date" name="date" type="date" defaultValue={value('date')} />
        </FormField>
        <FormField label="Total (RM)" htmlFor="review-total" error={error('total')} required>
          <Input id="review-total" name="total" inputMode="decimal" placeholder="45.90" defaultValue={value('total')} />
        </FormField>
        <FormField label="Receipt no." htmlFor="review-receiptNumber" error={error('receiptNumber')} hint="With it, the same receipt cannot be recorded twice.">
          <Input id="review-receiptNumber" name="receiptNumber" defaultValue={value('receiptNumber')} maxLength={100} />
        </FormField>
        <FormField label="Tax (SST/GST, RM)" htmlFor="review-tax" error={error('tax')}>
          <Input id="review-tax" name="tax" inputMode="decimal" defaultValue={value('tax')} />
        </FormField>
        <FormField label="Rounding (RM)" htmlFor="review-rounding" error={error('rounding')} hint="e.g. -0.02">
          <Input id="review-rounding" name="rounding" inputMode="decimal" defaultValue={value('rounding')} />
        </FormField>
        <FormField label="Payment" htmlFor="review-paymentMethod" error={error('paymentMethod')}>
          <Input id="review-paymentMethod" name="paymentMethod" defaultValue={value('paymentMethod')} maxLength={50} />
        </FormField>
      </div>

      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Items</legend>
        {items.length === 0 ? <p className="text-sm text-muted-foreground">No items read. Add them if you want them on the purchase.</p> : null}
        {items.map((r, index) => (
          <div key={r.key} className="grid grid-cols-[1fr_4.5rem_6.5rem_auto] items-center gap-2" data-testid="review-item">
            <Input aria-label={`Item ${index + 1} name`} value={r.name} onChange={(e) => update(r.key, { name: e.target.value })} maxLength={200} />
            <Input aria-label={`Item ${index + 1} quantity`} value={r.quantity} inputMode="decimal" onChange={(e) => update(r.key, { quantity: e.target.value })} />
            <Input aria-label={`Item ${index + 1} amount (RM)`} value={r.amount} inputMode="decimal" onChange={(e) => update(r.key, { amount: e.target.value })} />
            <Button type="button" variant="ghost" size="icon" aria-label={`Remove item ${index + 1}`} onClick={() => setItems((rows) => rows.filter((x) => x.key !== r.key))}>
              <Trash2 aria-hidden="true" />
            </Button>
          </div>
        ))}
        <div>
          <Button type="button" variant="outline" size="sm" onClick={() => setItems((rows) => [...rows, row()])}>
            <Plus aria-hidden="true" />
            Add item
          </Button>
        </div>
        {itemErrors.map(([field, message]) => (
          <p key={field} role="alert" className="text-sm font-medium text-destructive">
            Item {Number(field.split('.')[1] ?? 0) + 1}: {message}
          </p>
        ))}
      </fieldset>

      <FormError message={failed && !Object.keys(failed.fieldErrors).some((f) => f !== 'id') ? failed.error : null} />
      <div>
        <SubmitButton pendingText="Recording…">Approve and record</SubmitButton>
      </div>
    </form>
  );
}
