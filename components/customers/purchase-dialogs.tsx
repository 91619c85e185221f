'use client';

import { correctPurchaseAction, deletePurchaseAction, recordPurchaseAction } from '@/app/(app)/customers/[id]/purchase-actions';
import { ActionDialog } from '@/components/pdpa/action-dialog';
import { ConfirmActionButton } from '@/components/settings/confirm-action-button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { Tier } from '@/db/schema';
import { tierLabels } from '@/lib/purchases/tier-labels';

interface Values {
  date: string;
  total: string;
  merchant: string;
  receiptNumber: string;
}

function PurchaseFields({ prefix, errors, values, initial }: { prefix: string; errors: Record<string, string>; values: Record<string, string>; initial: Values }) {
  const value = (name: keyof Values) => values[name] ?? initial[name];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField label="Date on the receipt" htmlFor={`${prefix}-date`} error={errors.date}>
        <Input id={`${prefix}-date`} name="date" type="date" required defaultValue={value('date')} />
      </FormField>
      <FormField label="Total (RM)" htmlFor={`${prefix}-total`} error={errors.total}>
        <Input id={`${prefix}-total`} name="total" inputMode="decimal" required placeholder="45.90" defaultValue={value('total')} />
      </FormField>
      <FormField label="Merchant or outlet" htmlFor={`${prefix}-merchant`} error={errors.merchant}>
        <Input id={`${prefix}-merchant`} name="merchant" maxLength={200} defaultValue={value('merchant')} />
      </FormField>
      <FormField label="Receipt no." htmlFor={`${prefix}-receipt`} error={errors.receiptNumber} hint="With it, the same receipt cannot be recorded twice.">
        <Input id={`${prefix}-receipt`} name="receiptNumber" maxLength={100} defaultValue={value('receiptNumber')} />
      </FormField>
    </div>
  );
}

const outcome = (data: { tierChange: { to: Tier } | null }, done: string) => (data.tierChange ? `${done} The customer is now ${tierLabels.en[data.tierChange.to]}.` : done);

export function RecordPurchaseDialog({ customerId, today }: { customerId: string; today: string }) {
  return (
    <ActionDialog
      action={recordPurchaseAction}
      fields={{ customerId }}
      trigger="Record a purchase"
      title="Record a purchase"
      description="From a receipt the customer showed you. Spend and tier update at once."
      submitLabel="Record purchase"
      success={(data) => outcome(data, 'Purchase recorded.')}
    >
      {(errors, values) => <PurchaseFields prefix="new-purchase" errors={errors} values={values} initial={{ date: today, total: '', merchant: '', receiptNumber: '' }} />}
    </ActionDialog>
  );
}

export function PurchaseRowActions({ customerId, purchase }: { customerId: string; purchase: { id: string } & Values }) {
  return (
    <div className="flex gap-1">
      <ActionDialog
        action={correctPurchaseAction}
        fields={{ customerId, purchaseId: purchase.id }}
        trigger="Correct"
        triggerVariant="ghost"
        title="Correct the purchase"
        description="Fix what was read or typed wrong. Spend and tier follow."
        submitLabel="Save correction"
        success={(data) => outcome(data, 'Purchase corrected.')}
      >
        {(errors, values) => <PurchaseFields prefix={`purchase-${purchase.id}`} errors={errors} values={values} initial={purchase} />}
      </ActionDialog>
      <ConfirmActionButton
        action={deletePurchaseAction}
        fields={{ customerId, purchaseId: purchase.id }}
        label="Delete"
        title="Delete this purchase?"
        description="It no longer counts towards the customer's spend and tier. This cannot be undone."
        confirmLabel="Delete purchase"
      />
    </div>
  );
}
