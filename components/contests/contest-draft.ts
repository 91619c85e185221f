import type { ContestJson } from '@/lib/contests/contests';
import { fromMytLocal, toMytLocal } from '@/lib/contests/myt';
import type { FieldError } from '@/lib/errors';

// The contest form's working copy: everything as typed (times as Malaysian wall clock), turned
// into the API body on submit; the server's checks name any problem by field.

export interface PrizeDraft {
  name: string;
  quantity: string;
}

export interface ContestDraft {
  name: string;
  description: string;
  startsAt: string;
  endsAt: string;
  prizes: PrizeDraft[];
  maxEntriesPerCustomer: string;
  method: 'keyword' | 'any_message' | 'receipt';
  keyword: string;
  minSpend: string;
  requireConsent: boolean;
  onePrizePerCustomer: boolean;
  segmentId: string;
  termsUrl: string;
  claimInstructions: string;
}

export function emptyDraft(): ContestDraft {
  return {
    name: '',
    description: '',
    startsAt: '',
    endsAt: '',
    prizes: [{ name: '', quantity: '1' }],
    maxEntriesPerCustomer: '1',
    method: 'keyword',
    keyword: '',
    minSpend: '',
    requireConsent: true,
    onePrizePerCustomer: true,
    segmentId: '',
    termsUrl: '',
    claimInstructions: '',
  };
}

export function draftFromContest(c: ContestJson): ContestDraft {
  return {
    name: c.name,
    description: c.description ?? '',
    startsAt: toMytLocal(c.startsAt),
    endsAt: toMytLocal(c.endsAt),
    prizes: c.prizes.map((p) => ({ name: p.name, quantity: String(p.quantity) })),
    maxEntriesPerCustomer: String(c.maxEntriesPerCustomer),
    method: c.entryMethod.type,
    keyword: c.entryMethod.type === 'keyword' ? c.entryMethod.keyword : '',
    minSpend: c.entryMethod.type === 'receipt' ? c.entryMethod.minSpend : '',
    requireConsent: c.requireConsent,
    onePrizePerCustomer: c.onePrizePerCustomer,
    segmentId: c.segmentId ?? '',
    termsUrl: c.termsUrl ?? '',
    claimInstructions: c.claimInstructions ?? '',
  };
}

// Whole numbers go as numbers when they are; anything else as typed, for the server to name.
const whole = (raw: string) => (/^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw);

export function bodyFromDraft(d: ContestDraft) {
  const entryMethod =
    d.method === 'keyword' ? { type: 'keyword', keyword: d.keyword } : d.method === 'receipt' ? { type: 'receipt', minSpend: d.minSpend.trim() } : { type: 'any_message' };
  return {
    name: d.name,
    description: d.description,
    startsAt: fromMytLocal(d.startsAt),
    endsAt: fromMytLocal(d.endsAt),
    prizes: d.prizes.map((p) => ({ name: p.name, quantity: whole(p.quantity) })),
    maxEntriesPerCustomer: whole(d.maxEntriesPerCustomer),
    entryMethod,
    requireConsent: d.requireConsent,
    onePrizePerCustomer: d.onePrizePerCustomer,
    segmentId: d.segmentId || null,
    termsUrl: d.termsUrl,
    claimInstructions: d.claimInstructions,
  };
}

// Field path → first message ("prizes.0.name", "entryMethod.keyword", …).
export function errorsByField(errors: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.field] ??= e.message;
  return out;
}

const inputIds: Record<string, string> = {
  'entryMethod.keyword': 'keyword',
  'entryMethod.minSpend': 'minSpend',
  maxEntriesPerCustomer: 'maxEntries',
  claimInstructions: 'claim',
  prizes: 'prize-0',
};

// The form control a field's error belongs to, for moving the focus to the first one.
export function inputIdOf(field: string): string {
  const prize = /^prizes\.(\d+)\.(name|quantity)$/.exec(field);
  if (prize) return prize[2] === 'name' ? `prize-${prize[1]}` : `prize-${prize[1]}-quantity`;
  return inputIds[field] ?? field;
}
