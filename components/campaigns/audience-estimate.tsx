'use client';

import { Users } from 'lucide-react';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/utils';
import type { EstimateState } from './use-audience-estimate';

const number = (n: number) => n.toLocaleString('en-MY');

const reasons = [
  ['noConsent', 'have not agreed to marketing messages'],
  ['optedOut', 'opted out (said STOP)'],
  ['undeliverable', 'cannot be reached on WhatsApp'],
  ['windowClosed', 'have no open 24-hour window for free-form text (use an approved template to reach them)'],
] as const;

// How many of the chosen customers will receive it, and why the others will not.
export function AudienceEstimate({ state, automated }: { state: EstimateState; automated: boolean }) {
  const { estimate, loading, message } = state;
  const excluded = estimate ? reasons.filter(([key]) => estimate.excluded[key] > 0) : [];
  return (
    <section aria-labelledby="audience-estimate-title" className="grid gap-2 self-start rounded-lg border bg-muted/30 p-4">
      <h3 id="audience-estimate-title" className="flex items-center gap-2 font-semibold">
        <Users className="size-4 text-muted-foreground" aria-hidden="true" />
        <span aria-live="polite" data-testid="campaign-eligible" className={cn('tabular-nums transition-opacity', loading && 'opacity-50')}>
          {estimate ? `${number(estimate.eligible)} of ${number(estimate.total)} ${estimate.total === 1 ? 'customer' : 'customers'} will receive it` : '—'}
        </span>
        {loading ? <Spinner label="Counting recipients" /> : null}
      </h3>
      {message ? <p className="text-sm text-destructive">{message}</p> : null}
      {automated ? <p className="text-sm text-muted-foreground">Automated: counted now; each day the trigger picks who is due, and each send is checked again.</p> : null}
      {excluded.length > 0 ? (
        <ul className="grid gap-1 text-sm text-muted-foreground" data-testid="campaign-excluded">
          {excluded.map(([key, text]) => (
            <li key={key}>
              <span className="font-medium text-foreground tabular-nums">{number(estimate?.excluded[key] ?? 0)}</span> {text}
            </li>
          ))}
        </ul>
      ) : estimate && estimate.total > 0 ? (
        <p className="text-sm text-muted-foreground">Everyone chosen can receive it.</p>
      ) : null}
      <p className="text-xs text-muted-foreground">Consent is checked again at the moment each message is sent: a STOP during the campaign stops every later send.</p>
    </section>
  );
}
