'use client';

import { Download, FileClock } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { anonymizeCustomerAction, deleteCustomerAction } from '@/app/(app)/customers/[id]/data-rights-actions';
import { ActionDialog } from '@/components/pdpa/action-dialog';
import { dateFormat } from '@/components/pdpa/due-clock';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';

// The customer page's "Data rights" section: a copy of everything held (access, portability),
// erasure by anonymisation or by deletion, and the request log. Owners and admins only.
export function DataRightsPanel({ customerId, customerName, anonymizedAt, canManage }: { customerId: string; customerName: string; anonymizedAt: string | null; canManage: boolean }) {
  const router = useRouter();
  if (!canManage) return <p className="text-sm text-muted-foreground">Owners and admins answer data requests: exports, anonymisation and erasure.</p>;
  return (
    <div className="grid gap-4 text-sm">
      {anonymizedAt ? <p data-testid="anonymized-at">Anonymised on {dateFormat.format(new Date(anonymizedAt))}. Only statistics remain.</p> : null}
      <div className="grid gap-1">
        <div className="flex flex-wrap gap-2">
          <Button asChild size="sm" variant="outline">
            <a href={`/api/v1/customers/${customerId}/export`} download>
              <Download aria-hidden="true" />
              Download all data
            </a>
          </Button>
          <Button asChild size="sm" variant="ghost">
            <Link href={`/settings/pdpa/requests?customer=${customerId}`}>
              <FileClock aria-hidden="true" />
              Log a request
            </Link>
          </Button>
        </div>
        <p className="text-muted-foreground">A zip of the profile (with the full IC number), messages, consent history and files. Each download is logged as an answered access request.</p>
      </div>
      <div className="flex flex-wrap gap-2">
        {anonymizedAt ? null : (
          <ActionDialog
            action={anonymizeCustomerAction}
            fields={{ customerId }}
            trigger="Anonymise"
            title={`Anonymise ${customerName}?`}
            description="Name, phone number, WhatsApp ids, IC number, city and photos are deleted and every message text is erased. Counts, consent history, gender, birth state and birth year stay for your statistics. This cannot be undone; if they write again they start as a new customer."
            submitLabel="Anonymise"
            submitVariant="destructive"
            success="Customer anonymised."
          >
            {(errors, values) => (
              <FormField label="Reason" htmlFor="anonymize-reason" error={errors.reason} hint="Kept in the audit log, e.g. “Erasure request by email, 3 March”.">
                <Textarea id="anonymize-reason" name="reason" rows={2} defaultValue={values.reason} maxLength={500} />
              </FormField>
            )}
          </ActionDialog>
        )}
        <ActionDialog
          action={deleteCustomerAction}
          fields={{ customerId }}
          trigger="Delete for good"
          triggerVariant="ghost"
          title={`Delete ${customerName} for good?`}
          description="The customer, every conversation and message, the consent history and all files are deleted. Nothing is left for statistics. This cannot be undone."
          submitLabel="Delete for good"
          submitVariant="destructive"
          success="Customer deleted for good."
          onDone={() => router.push('/customers')}
        />
      </div>
    </div>
  );
}
