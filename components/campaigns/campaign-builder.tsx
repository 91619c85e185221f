'use client';

import { ArrowLeft, ArrowRight, Check, Rocket, Save } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useRef, useState } from 'react';
import { campaignLifecycleAction, saveCampaignAction } from '@/app/(app)/campaigns/actions';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormError } from '@/components/ui/form-field';
import { toast } from '@/components/ui/sonner';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/utils';
import type { BuilderChannel, BuilderSegment, BuilderTemplate } from './builder-types';
import { type CampaignDraft, type StepIndex, draftToInput, firstInvalidStep, localField, stepErrors, stepOfField, steps } from './campaign-draft';
import { runAction } from './run-action';
import { StepAudience } from './step-audience';
import { StepDetails } from './step-details';
import { StepMessage } from './step-message';
import { StepReview } from './step-review';
import { StepSchedule } from './step-schedule';
import { useAudienceEstimate } from './use-audience-estimate';

const descriptions = [
  'What the campaign is for, and which number sends it.',
  'Who receives it. The count leaves out customers it may not reach, and says why.',
  'What they receive. Variables are filled in for each customer.',
  'When it goes out.',
  'Check everything, then launch.',
];

type Busy = null | 'draft' | 'launch';

// The step-by-step campaign builder. The whole draft lives here, so moving between steps keeps
// everything typed; each step is checked before the next one opens.
export function CampaignBuilder({ campaignId, initial, channels, segments, templates, optOutLine }: {
  campaignId: string | null;
  initial: CampaignDraft;
  channels: BuilderChannel[];
  segments: BuilderSegment[];
  templates: BuilderTemplate[];
  optOutLine: string;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [step, setStep] = useState<StepIndex>(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [savedId, setSavedId] = useState(campaignId);
  const body = useRef<HTMLDivElement>(null);
  const estimate = useAudienceEstimate(draft, step >= 1 && step <= 3);
  const channelTemplates = templates.filter((t) => t.channelId === draft.channelId || t.channelId === null);

  const change = (patch: Partial<CampaignDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !Object.keys(patch).some((p) => k === p || k.startsWith(`${p}.`) || (p === 'segmentIds' || p === 'customers' || p === 'when' ? k === 'audience' : false)))));
  };

  const show = (next: StepIndex, nextErrors: Record<string, string> = {}) => {
    setStep(next);
    setErrors(nextErrors);
    // The first field to fix gets the focus; otherwise the step's heading.
    requestAnimationFrame(() => {
      const target = body.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? body.current?.querySelector<HTMLElement>('h2');
      target?.focus();
    });
  };

  const goTo = (target: StepIndex) => {
    if (target <= step) return show(target);
    for (let s = step; s < target; s++) {
      const found = stepErrors(draft, s as StepIndex);
      if (Object.keys(found).length > 0) return show(s as StepIndex, found);
    }
    show(target);
  };

  const save = async (launch: boolean) => {
    if (launch) {
      const invalid = firstInvalidStep(draft);
      if (invalid !== null) return show(invalid, stepErrors(draft, invalid));
    } else if (Object.keys(stepErrors(draft, 0)).length > 0) {
      return show(0, stepErrors(draft, 0));
    }
    setBusy(launch ? 'launch' : 'draft');
    setProblem(null);
    const saved = await runAction(saveCampaignAction, { id: savedId, campaign: draftToInput(draft) });
    if (!saved.ok) {
      setBusy(null);
      const [field] = Object.keys(saved.fieldErrors);
      if (field) {
        const fieldStep = stepOfField(field.replace(/^payload\.campaign\./, ''));
        const mapped = Object.fromEntries(Object.entries(saved.fieldErrors).map(([k, v]) => [localField(k.replace(/^payload\.campaign\./, '')), v]));
        show(fieldStep, mapped);
      }
      setProblem(saved.error);
      return;
    }
    setSavedId(saved.data.id);
    if (!launch) {
      setBusy(null);
      toast.success(`Draft “${saved.data.name}” saved.`);
      router.push(`/campaigns/${saved.data.id}`);
      return;
    }
    const launched = await runAction(campaignLifecycleAction, { id: saved.data.id, action: 'launch' });
    setBusy(null);
    if (!launched.ok) {
      setProblem(`Saved as a draft, but not launched: ${launched.error}`);
      return;
    }
    toast.success(launched.data.status === 'scheduled' ? `“${launched.data.name}” is scheduled.` : draft.when === 'trigger' ? `“${launched.data.name}” is on.` : `“${launched.data.name}” is sending.`);
    router.push(`/campaigns/${launched.data.id}`);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step < 4) goTo((step + 1) as StepIndex);
    else void save(true);
  };

  const launchLabel = draft.when === 'later' ? 'Schedule' : draft.when === 'trigger' ? 'Turn on' : 'Launch';
  return (
    <form onSubmit={submit} noValidate className="grid gap-6">
      <nav aria-label="Steps">
        <ol className="flex flex-wrap gap-2">
          {steps.map((label, i) => (
            <li key={label}>
              <button
                type="button"
                onClick={() => goTo(i as StepIndex)}
                aria-current={i === step ? 'step' : undefined}
                className={cn(
                  'flex items-center gap-2 rounded-full border px-3 py-1.5 text-sm transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none',
                  i === step ? 'border-primary bg-primary text-primary-foreground' : i < step ? 'bg-muted hover:bg-accent' : 'text-muted-foreground hover:bg-accent',
                )}
              >
                <span className="flex size-5 items-center justify-center rounded-full bg-background/20 text-xs tabular-nums">{i < step ? <Check className="size-3.5" aria-hidden="true" /> : i + 1}</span>
                {label}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2 tabIndex={-1} className="outline-none">
              {step + 1}. {steps[step]}
            </h2>
          </CardTitle>
          <CardDescription>{descriptions[step]}</CardDescription>
        </CardHeader>
        <CardContent ref={body}>
          {step === 0 ? <StepDetails draft={draft} errors={errors} onChange={change} channels={channels} /> : null}
          {step === 1 ? <StepAudience draft={draft} errors={errors} onChange={change} segments={segments} estimate={estimate} /> : null}
          {step === 2 ? <StepMessage draft={draft} errors={errors} onChange={change} templates={channelTemplates} optOutLine={optOutLine} /> : null}
          {step === 3 ? <StepSchedule draft={draft} errors={errors} onChange={change} /> : null}
          {step === 4 ? <StepReview draft={draft} channels={channels} segments={segments} templates={channelTemplates} onEdit={(s) => show(s)} /> : null}
        </CardContent>
      </Card>
      <div className="sticky bottom-0 z-10 -mx-4 grid gap-3 border-t bg-background/95 px-4 py-3 backdrop-blur md:-mx-8 md:px-8">
        <FormError message={problem} />
        <div className="flex flex-wrap items-center gap-2">
          {step > 0 ? (
            <Button type="button" variant="outline" onClick={() => show((step - 1) as StepIndex)}>
              <ArrowLeft aria-hidden="true" />
              Back
            </Button>
          ) : (
            <Button type="button" variant="ghost" onClick={() => router.push('/campaigns')}>
              Cancel
            </Button>
          )}
          <div className="ml-auto flex flex-wrap gap-2">
            <Button type="button" variant="outline" onClick={() => void save(false)} disabled={busy !== null} aria-busy={busy === 'draft' || undefined}>
              {busy === 'draft' ? <Spinner label="Saving" /> : <Save aria-hidden="true" />}
              Save draft
            </Button>
            <Button type="submit" disabled={busy !== null} aria-busy={busy === 'launch' || undefined}>
              {step < 4 ? (
                <>
                  Next: {steps[step + 1]}
                  <ArrowRight aria-hidden="true" />
                </>
              ) : (
                <>
                  {busy === 'launch' ? <Spinner label="Launching" /> : <Rocket aria-hidden="true" />}
                  {launchLabel}
                </>
              )}
            </Button>
          </div>
        </div>
      </div>
    </form>
  );
}
