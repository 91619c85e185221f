'use client';

import Link from 'next/link';
import { Label } from '@/components/ui/label';
import { MultiSelect } from '@/components/ui/multi-select';
import { AudienceEstimate } from './audience-estimate';
import type { BuilderSegment, StepProps } from './builder-types';
import { CustomerPicker } from './customer-picker';
import type { EstimateState } from './use-audience-estimate';

export function StepAudience({ draft, errors, onChange, segments, estimate }: StepProps & { segments: BuilderSegment[]; estimate: EstimateState }) {
  const automated = draft.when === 'trigger';
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="grid content-start gap-6">
        <div className="grid gap-2">
          <Label htmlFor="campaign-segments">Segments</Label>
          <div>
            {segments.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                No segments yet. <Link href="/segments/new" className="underline underline-offset-4">Build one</Link>, or pick customers below.
              </p>
            ) : (
              <MultiSelect id="campaign-segments" label="Segments" options={segments.map((s) => ({ value: s.id, label: s.name }))} value={draft.segmentIds} onChange={(segmentIds) => onChange({ segmentIds })} invalid={Boolean(errors.audience)} />
            )}
          </div>
          <p className="text-sm text-muted-foreground">Worked out at launch: whoever matches then receives it, each customer once.</p>
        </div>
        <CustomerPicker label="Add customers by hand" hint="Type at least 2 letters of a name, or digits of a number." picked={draft.customers} onChange={(customers) => onChange({ customers })} testId="campaign-customers" />
        <CustomerPicker label="Leave out" hint="These customers never receive it, even when a segment includes them." picked={draft.excluded} onChange={(excluded) => onChange({ excluded })} testId="campaign-excluded-customers" />
        {errors.audience ? (
          <p role="alert" className="text-sm font-medium text-destructive">
            {errors.audience}
          </p>
        ) : null}
        {draft.segmentIds.length === 0 && draft.customers.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            {automated ? 'Automated, with no segment or customer: every customer the trigger finds is included.' : 'Nobody chosen yet. Leave it empty only for an automated campaign (a birthday, going quiet, a new tier), chosen in step 4.'}
          </p>
        ) : null}
      </div>
      <AudienceEstimate state={estimate} automated={automated} />
    </div>
  );
}
