import type { SegmentCriteria } from '@/lib/segments/filter-schema';
import { type SimpleCriteria, criteriaFromSimple, simpleCriteriaSchema } from '@/lib/segments/simple';

// The simple form's controls as typed (text boxes hold text), to and from SimpleCriteria.

export interface SimpleFormState {
  spendMin: string;
  spendMax: string;
  ageMin: string;
  ageMax: string;
  purchasesMin: string;
  purchasesMax: string;
  genders: string[];
  maritalStatuses: string[];
  states: string[];
  tiers: string[];
  consentStatuses: string[];
  lastPurchaseWithinDays: string;
  lastPurchaseNotWithinDays: string;
  inactiveDays: string;
  hasIc: '' | 'yes' | 'no';
  createdFrom: string;
  createdTo: string;
}

export const emptySimpleForm: SimpleFormState = {
  spendMin: '',
  spendMax: '',
  ageMin: '',
  ageMax: '',
  purchasesMin: '',
  purchasesMax: '',
  genders: [],
  maritalStatuses: [],
  states: [],
  tiers: [],
  consentStatuses: [],
  lastPurchaseWithinDays: '',
  lastPurchaseNotWithinDays: '',
  inactiveDays: '',
  hasIc: '',
  createdFrom: '',
  createdTo: '',
};

const str = (n: number | string | undefined) => (n === undefined ? '' : String(n));

export function simpleFormFromCriteria(simple: SimpleCriteria): SimpleFormState {
  return {
    spendMin: str(simple.spend?.min),
    spendMax: str(simple.spend?.max),
    ageMin: str(simple.age?.min),
    ageMax: str(simple.age?.max),
    purchasesMin: str(simple.purchaseCount?.min),
    purchasesMax: str(simple.purchaseCount?.max),
    genders: simple.genders ?? [],
    maritalStatuses: simple.maritalStatuses ?? [],
    states: simple.states ?? [],
    tiers: simple.tiers ?? [],
    consentStatuses: simple.consentStatuses ?? [],
    lastPurchaseWithinDays: str(simple.lastPurchaseWithinDays),
    lastPurchaseNotWithinDays: str(simple.lastPurchaseNotWithinDays),
    inactiveDays: str(simple.inactiveDays),
    hasIc: simple.hasIc === undefined ? '' : simple.hasIc ? 'yes' : 'no',
    createdFrom: simple.created?.from ?? '',
    createdTo: simple.created?.to ?? '',
  };
}

// Blank is "not set"; a whole number that is not one becomes NaN, which the schema names.
const whole = (raw: string) => (raw.trim() === '' ? undefined : /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN);
const amount = (raw: string) => (raw.trim() === '' ? undefined : raw.trim().replace(/^RM\s*/i, ''));
const text = (raw: string) => (raw.trim() === '' ? undefined : raw.trim());

function range<T>(min: T | undefined, max: T | undefined) {
  return min === undefined && max === undefined ? undefined : { min, max };
}

// The form's criteria, or the problems keyed by the schema's paths ("spend.max").
export function parseSimpleForm(form: SimpleFormState): { criteria: SegmentCriteria | null; errors: Record<string, string> } {
  const created = form.createdFrom || form.createdTo ? { from: text(form.createdFrom), to: text(form.createdTo) } : undefined;
  const raw = {
    spend: range(amount(form.spendMin), amount(form.spendMax)),
    age: range(whole(form.ageMin), whole(form.ageMax)),
    purchaseCount: range(whole(form.purchasesMin), whole(form.purchasesMax)),
    genders: form.genders,
    maritalStatuses: form.maritalStatuses,
    states: form.states,
    tiers: form.tiers,
    consentStatuses: form.consentStatuses,
    lastPurchaseWithinDays: whole(form.lastPurchaseWithinDays),
    lastPurchaseNotWithinDays: whole(form.lastPurchaseNotWithinDays),
    inactiveDays: whole(form.inactiveDays),
    hasIc: form.hasIc === '' ? undefined : form.hasIc === 'yes',
    created,
  };
  const parsed = simpleCriteriaSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
    return { criteria: null, errors };
  }
  return { criteria: criteriaFromSimple(parsed.data), errors: {} };
}
