'use client';

import { Pencil } from 'lucide-react';
import { useCallback, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { CustomerDetail } from '@/lib/customers/detail';
import { formatDateTime } from '@/lib/inbox/format';
import { genderLabels, maritalLabels } from './customer-labels';
import { ProfileForm } from './profile-form';
import { languageLabels } from './profile-labels';
import { RevealIc } from './reveal-ic-button';

const birthDate = new Intl.DateTimeFormat('en-MY', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children ?? <span className="text-muted-foreground">—</span>}</dd>
    </div>
  );
}

export function ProfileCard({ customer, birthPlace, canReveal }: { customer: CustomerDetail['customer']; birthPlace: string | null; canReveal: boolean }) {
  const [editing, setEditing] = useState(false);
  const done = useCallback(() => setEditing(false), []);
  return (
    <Card>
      <CardHeader>
        <CardTitle role="heading" aria-level={2}>
          Profile
        </CardTitle>
        {editing ? null : (
          <CardAction>
            <Button variant="outline" size="sm" onClick={() => setEditing(true)}>
              <Pencil aria-hidden="true" />
              Edit
            </Button>
          </CardAction>
        )}
      </CardHeader>
      <CardContent>
        {editing ? (
          <ProfileForm customer={customer} onDone={done} />
        ) : (
          <dl className="divide-y">
            <Row label="Name">{customer.name}</Row>
            <Row label="Phone">{customer.phone ? <span className="tabular-nums">{customer.phone}</span> : null}</Row>
            <Row label="WhatsApp name">{customer.profileName}</Row>
            <Row label="IC number">
              {customer.icNumberMasked ? (
                canReveal ? (
                  <RevealIc customerId={customer.id} masked={customer.icNumberMasked} />
                ) : (
                  <span className="font-mono tabular-nums" data-testid="customer-ic">
                    {customer.icNumberMasked}
                  </span>
                )
              ) : null}
            </Row>
            <Row label="Date of birth">
              {customer.dateOfBirth ? `${birthDate.format(new Date(`${customer.dateOfBirth}T00:00:00Z`))} (age ${customer.age})` : null}
            </Row>
            <Row label="Gender">{customer.gender ? genderLabels[customer.gender] : null}</Row>
            <Row label="Marital status">{customer.maritalStatus ? maritalLabels[customer.maritalStatus] : null}</Row>
            <Row label="Born in">{birthPlace}</Row>
            <Row label="City">{customer.city}</Row>
            <Row label="Language">{customer.language ? languageLabels[customer.language] : null}</Row>
            <Row label="Customer since">{formatDateTime(customer.createdAt)}</Row>
            <Row label="Last interaction">{customer.lastInteractionAt ? formatDateTime(customer.lastInteractionAt) : null}</Row>
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
