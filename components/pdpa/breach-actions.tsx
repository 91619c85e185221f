'use client';

import { closeBreachAction, recordBreachNotificationAction } from '@/app/(app)/settings/pdpa/breaches/actions';
import { ConfirmActionButton } from '@/components/settings/confirm-action-button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { ActionDialog } from './action-dialog';

const who = {
  commissioner: { trigger: 'Commissioner notified', title: 'When was the Commissioner notified?', description: 'The Personal Data Protection Commissioner is to be told within 72 hours of discovery.' },
  subjects: { trigger: 'People notified', title: 'When were the affected people notified?', description: 'People are told without undue delay when the breach is likely to cause them significant harm.' },
} as const;

// Record a notification (once each) or close the incident.
export function BreachActions({ id, title, commissionerNotified, subjectsNotified, nowLocal }: { id: string; title: string; commissionerNotified: boolean; subjectsNotified: boolean; nowLocal: string }) {
  const pending = (['commissioner', 'subjects'] as const).filter((w) => (w === 'commissioner' ? !commissionerNotified : !subjectsNotified));
  return (
    <div className="flex flex-wrap gap-2">
      {pending.map((w) => (
        <ActionDialog
          key={w}
          action={recordBreachNotificationAction}
          fields={{ id, who: w }}
          trigger={who[w].trigger}
          title={who[w].title}
          description={who[w].description}
          submitLabel="Record"
          success="Notification recorded."
        >
          {(errors, values) => (
            <FormField label="Notified at (Malaysia time)" htmlFor={`breach-${w}-at`} error={errors.at ?? errors[`${w}NotifiedAt`]}>
              <Input id={`breach-${w}-at`} name="at" type="datetime-local" max={nowLocal} defaultValue={values.at ?? nowLocal} />
            </FormField>
          )}
        </ActionDialog>
      ))}
      <ConfirmActionButton
        action={closeBreachAction}
        fields={{ id }}
        label="Close"
        title={`Close "${title}"?`}
        description="A closed incident stays in the register and can no longer be changed."
        confirmLabel="Close incident"
      />
    </div>
  );
}
