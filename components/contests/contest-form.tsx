'use client';

import { Plus, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { saveContest } from './contest-api';
import { type ContestDraft, bodyFromDraft, errorsByField, inputIdOf } from './contest-draft';

interface Props {
  contestId: string | null;
  initial: ContestDraft;
  segments: { id: string; name: string }[];
}

const methods = [
  { value: 'keyword', label: 'Keyword', hint: 'Customers send a word such as MASUK RAYA.' },
  { value: 'receipt', label: 'Receipt', hint: 'A receipt photo of at least the minimum spend, read by OCR.' },
  { value: 'any_message', label: 'Any message', hint: 'Every message during the contest enters (up to the limit).' },
] as const;

// Create or edit a contest. A plain form: Tab moves through the fields, Enter submits, and the
// server's checks appear beside the field they are about.
export function ContestForm({ contestId, initial, segments }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof ContestDraft>(key: K, value: ContestDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setPrize = (i: number, change: Partial<ContestDraft['prizes'][number]>) => set('prizes', draft.prizes.map((p, j) => (j === i ? { ...p, ...change } : p)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await saveContest(contestId, bodyFromDraft(draft));
    setSaving(false);
    if (answer.ok) {
      router.push(`/contests/${answer.data.id}`);
      router.refresh();
      return;
    }
    setErrors(errorsByField(answer.errors));
    setMessage(answer.errors.length > 0 ? 'Check the fields marked below.' : answer.message);
    // Keyboard users land on the first field to fix (after React has rendered its message).
    const first = answer.errors[0];
    if (first) requestAnimationFrame(() => document.getElementById(inputIdOf(first.field))?.focus());
  }

  const err = (field: string) => errors[field] ?? null;
  return (
    <form onSubmit={submit} noValidate className="grid max-w-3xl gap-6" data-testid="contest-form">
      {message ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Contest</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <FormField label="Name" htmlFor="name" error={err('name')} required>
            <Input id="name" value={draft.name} onChange={(e) => set('name', e.target.value)} maxLength={120} autoFocus />
          </FormField>
          <FormField label="Description" htmlFor="description" error={err('description')}>
            <Textarea id="description" value={draft.description} onChange={(e) => set('description', e.target.value)} rows={3} />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Starts (Malaysia time)" htmlFor="startsAt" error={err('startsAt')} required>
              <Input id="startsAt" type="datetime-local" value={draft.startsAt} onChange={(e) => set('startsAt', e.target.value)} />
            </FormField>
            <FormField label="Ends (Malaysia time)" htmlFor="endsAt" error={err('endsAt')} hint="Entries stop at this minute." required>
              <Input id="endsAt" type="datetime-local" value={draft.endsAt} onChange={(e) => set('endsAt', e.target.value)} />
            </FormField>
          </div>
          <FormField label="Terms and conditions link" htmlFor="termsUrl" error={err('termsUrl')}>
            <Input id="termsUrl" type="url" value={draft.termsUrl} onChange={(e) => set('termsUrl', e.target.value)} placeholder="https://" />
          </FormField>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Entering</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <fieldset className="grid gap-2">
            <legend className="mb-2 text-sm font-medium">How customers enter</legend>
            {methods.map((m) => (
              <label key={m.value} className="flex items-start gap-2 text-sm">
                <input type="radio" name="method" value={m.value} checked={draft.method === m.value} onChange={() => set('method', m.value)} className="mt-1" />
                <span>
                  <span className="font-medium">{m.label}</span> <span className="text-muted-foreground">— {m.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {draft.method === 'keyword' ? (
            <FormField label="Keyword" htmlFor="keyword" error={err('entryMethod.keyword')} hint="Case, spaces and punctuation do not matter. Not a consent word (YA, YES, STOP…)." required>
              <Input id="keyword" value={draft.keyword} onChange={(e) => set('keyword', e.target.value)} placeholder="MASUK RAYA" />
            </FormField>
          ) : null}
          {draft.method === 'receipt' ? (
            <FormField label="Minimum spend (RM)" htmlFor="minSpend" error={err('entryMethod.minSpend')} required>
              <Input id="minSpend" inputMode="decimal" value={draft.minSpend} onChange={(e) => set('minSpend', e.target.value)} placeholder="50.00" />
            </FormField>
          ) : null}
          <FormField label="Entries per customer" htmlFor="maxEntries" error={err('maxEntriesPerCustomer')} required>
            <Input id="maxEntries" inputMode="numeric" value={draft.maxEntriesPerCustomer} onChange={(e) => set('maxEntriesPerCustomer', e.target.value)} className="w-32" />
          </FormField>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={draft.requireConsent} onChange={(e) => set('requireConsent', e.target.checked)} />
            Only customers who agreed to marketing messages may enter
          </label>
          <FormField label="Only customers in this segment" htmlFor="segmentId" error={err('segmentId')}>
            <NativeSelect id="segmentId" value={draft.segmentId} onChange={(e) => set('segmentId', e.target.value)}>
              <option value="">Everyone</option>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Prizes</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3">
          {err('prizes') ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {err('prizes')}
            </p>
          ) : null}
          {draft.prizes.map((prize, i) => (
            <div key={i} className="grid grid-cols-[1fr_6rem_auto] items-end gap-2" data-testid="prize-row">
              <FormField label={`Prize ${i + 1}`} htmlFor={`prize-${i}`} error={err(`prizes.${i}.name`)}>
                <Input id={`prize-${i}`} value={prize.name} onChange={(e) => setPrize(i, { name: e.target.value })} />
              </FormField>
              <FormField label="How many" htmlFor={`prize-${i}-quantity`} error={err(`prizes.${i}.quantity`)}>
                <Input id={`prize-${i}-quantity`} inputMode="numeric" value={prize.quantity} onChange={(e) => setPrize(i, { quantity: e.target.value })} />
              </FormField>
              <Button type="button" variant="ghost" size="icon" aria-label={`Remove prize ${i + 1}`} disabled={draft.prizes.length === 1} onClick={() => set('prizes', draft.prizes.filter((_, j) => j !== i))}>
                <Trash2 aria-hidden="true" />
              </Button>
            </div>
          ))}
          <div>
            <Button type="button" variant="outline" size="sm" onClick={() => set('prizes', [...draft.prizes, { name: '', quantity: '1' }])}>
              <Plus aria-hidden="true" />
              Add a prize
            </Button>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={draft.onePrizePerCustomer} onChange={(e) => set('onePrizePerCustomer', e.target.checked)} />
            One prize per customer, however many entries they have
          </label>
          <FormField label="How winners claim" htmlFor="claim" error={err('claimInstructions')} hint="Sent to each winner with the prize.">
            <Textarea id="claim" value={draft.claimInstructions} onChange={(e) => set('claimInstructions', e.target.value)} rows={2} />
          </FormField>
        </CardContent>
      </Card>

      <div className="flex gap-2">
        <Button type="submit" disabled={saving}>
          {saving ? 'Saving…' : contestId ? 'Save changes' : 'Create contest'}
        </Button>
        <Button type="button" variant="outline" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
