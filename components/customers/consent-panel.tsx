'use client';

import { useActionState, useState } from 'react';
import { changeConsentAction, loadOlderConsentEventsAction } from '@/app/(app)/customers/[id]/consent-actions';
import { runAction } from '@/components/inbox/run-action';
import { dateTimeFormat } from '@/components/pdpa/due-clock';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormError, FormField, SubmitButton } from '@/components/ui/form-field';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import type { ConsentStatus } from '@/db/schema';
import type { ConsentEventView, ConsentHistoryPage } from '@/lib/consent/manual';
import { ConsentBadge } from './consent-badge';

const sourceLabels: Record<ConsentEventView['source'], string> = {
  notice: 'Notice sent on WhatsApp',
  keyword: 'Typed on WhatsApp',
  button: 'Tapped on WhatsApp',
  meta_opt_out: 'Stopped marketing in WhatsApp',
  admin: 'Changed by the team',
  import: 'Imported',
  api: 'Changed through the API',
};

function HistoryItem({ event }: { event: ConsentEventView }) {
  const details = [
    event.keyword ? `“${event.keyword}”` : null,
    event.noticeVersion !== null ? `notice v${event.noticeVersion}` : null,
    event.actor ? `by ${event.actor.name || 'a former member'}` : null,
  ].filter(Boolean);
  return (
    <li className="grid gap-1 border-l-2 py-1 pl-3" data-testid="consent-event">
      <div className="flex flex-wrap items-center gap-2">
        <ConsentBadge status={event.status} />
        <span className="font-medium">{sourceLabels[event.source]}</span>
        <time className="text-muted-foreground" dateTime={event.occurredAt}>
          {dateTimeFormat.format(new Date(event.occurredAt))}
        </time>
      </div>
      {details.length > 0 ? <p className="text-muted-foreground">{details.join(' · ')}</p> : null}
      {event.reason ? <p className="whitespace-pre-wrap break-words">{event.reason}</p> : null}
    </li>
  );
}

// The statuses a person may set: the other one(s) than the current.
function choices(status: ConsentStatus): ('granted' | 'withdrawn')[] {
  return (['granted', 'withdrawn'] as const).filter((s) => s !== status);
}

function ChangeConsentForm({ customerId, status }: { customerId: string; status: ConsentStatus }) {
  const [state, action] = useActionState(changeConsentAction, null);
  const failed = state?.ok === false ? state : null;
  const options = choices(status);
  // A new key after each success empties the reason for the next change.
  const [formKey, setFormKey] = useState(0);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) setFormKey((k) => k + 1);
  }
  return (
    <form key={formKey} action={action} className="grid gap-3 rounded-md border p-3" noValidate aria-labelledby="consent-change-title">
      <h3 id="consent-change-title" className="font-medium">
        Change consent
      </h3>
      <input type="hidden" name="customerId" value={customerId} />
      <FormField label="New status" htmlFor="consent-status" error={failed?.fieldErrors.status}>
        <NativeSelect id="consent-status" name="status" defaultValue={failed?.values.status ?? options[0]}>
          {options.map((s) => (
            <option key={s} value={s}>
              {s === 'granted' ? 'Granted — may receive marketing' : 'Withdrawn — no marketing'}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField label="Reason" htmlFor="consent-reason" required error={failed?.fieldErrors.reason} hint="Kept with the consent history as evidence, e.g. “Signed the paper form at the counter, 3 March”.">
        <Textarea id="consent-reason" name="reason" rows={2} required minLength={3} maxLength={500} defaultValue={failed?.values.reason} />
      </FormField>
      <FormError message={failed && !failed.fieldErrors.reason && !failed.fieldErrors.status ? failed.error : null} />
      <div className="flex items-center gap-3">
        <SubmitButton size="sm" pendingText="Recording…">
          Record change
        </SubmitButton>
        <p role="status" className="text-sm text-muted-foreground">
          {state?.ok ? state.message : null}
        </p>
      </div>
    </form>
  );
}

// The customer page's consent section: the current status, the append-only history (who, how,
// which notice, why) and, for owners and admins, a change with a required reason.
export function ConsentPanel({ customerId, status, history, canChange }: { customerId: string; status: ConsentStatus; history: ConsentHistoryPage; canChange: boolean }) {
  const [older, setOlder] = useState<ConsentEventView[]>([]);
  const [cursor, setCursor] = useState(history.nextCursor);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // The page re-renders with a fresh first page after a change; older pages are reloaded.
  const [shown, setShown] = useState(history);
  if (shown !== history) {
    setShown(history);
    setOlder([]);
    setCursor(history.nextCursor);
  }
  const events = [...history.data, ...older];

  const loadOlder = async () => {
    if (!cursor) return;
    setLoading(true);
    const state = await runAction(loadOlderConsentEventsAction, { customerId, cursor });
    setLoading(false);
    if (!state.ok) return setLoadError(state.error);
    setLoadError(null);
    setOlder((rows) => [...rows, ...state.data.data]);
    setCursor(state.data.nextCursor);
  };

  return (
    <div className="grid gap-4 text-sm" data-testid="consent-panel">
      <div className="flex items-center gap-2">
        <span className="text-muted-foreground">Marketing consent</span>
        <ConsentBadge status={status} />
      </div>
      {events.length === 0 ? (
        <p className="text-muted-foreground">No consent history yet: the notice goes out when the customer first writes on WhatsApp.</p>
      ) : (
        <ol className="grid gap-2" aria-label="Consent history, newest first">
          {events.map((event) => (
            <HistoryItem key={event.id} event={event} />
          ))}
        </ol>
      )}
      {cursor ? (
        <Button type="button" variant="ghost" size="sm" className="justify-self-start" onClick={loadOlder} disabled={loading}>
          {loading ? 'Loading…' : 'Show older'}
        </Button>
      ) : null}
      <FormError message={loadError} />
      {canChange ? (
        <ChangeConsentForm customerId={customerId} status={status} />
      ) : (
        <p className="text-muted-foreground">
          <Badge variant="outline">Owners and admins</Badge> record consent changes made outside WhatsApp.
        </p>
      )}
    </div>
  );
}
