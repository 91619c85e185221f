import { consentLabels, genderLabels, maritalLabels } from '@/components/customers/customer-labels';
import type { MultiSelectOption } from '@/components/ui/multi-select';
import { malaysianStates } from '@/lib/mykad/places';
import { type FilterField, type FilterOp, fieldRules, filterEnumValues } from '@/lib/segments/filter-schema';

// How the segment builder names the filter's fields, operators and values.

export type FieldKind = 'money' | 'number' | 'choice' | 'date' | 'yesNo';

export const fieldLabels: Record<FilterField, string> = {
  totalSpent: 'Total spend (RM)',
  averageSpend: 'Average spend (RM)',
  purchaseCount: 'Purchases',
  age: 'Age',
  gender: 'Gender',
  maritalStatus: 'Marital status',
  state: 'State',
  tier: 'Tier',
  consentStatus: 'Marketing consent',
  lastInteractionAt: 'Last message (either way)',
  lastPurchaseAt: 'Last purchase',
  createdAt: 'Customer since',
  hasIc: 'Has an IC number',
  contestId: 'Contest entered',
};

export const fieldKinds: Record<FilterField, FieldKind> = {
  totalSpent: 'money',
  averageSpend: 'money',
  purchaseCount: 'number',
  age: 'number',
  gender: 'choice',
  maritalStatus: 'choice',
  state: 'choice',
  tier: 'choice',
  consentStatus: 'choice',
  lastInteractionAt: 'date',
  lastPurchaseAt: 'date',
  createdAt: 'date',
  hasIc: 'yesNo',
  contestId: 'choice',
};

export const filterFields = Object.keys(fieldRules) as FilterField[];

export function operatorsOf(field: FilterField): FilterOp[] {
  return Object.keys(fieldRules[field]) as FilterOp[];
}

const opLabels: Record<FilterOp, string> = {
  eq: 'is',
  neq: 'is not',
  in: 'is any of',
  nin: 'is none of',
  gt: 'more than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
  between: 'between',
  isNull: 'is unknown',
  notNull: 'is known',
  withinDays: 'in the last … days',
  olderThanDays: 'more than … days ago',
};
const dateOpLabels: Partial<Record<FilterOp, string>> = { gt: 'after', gte: 'on or after', lt: 'before', lte: 'on or before', isNull: 'never', notNull: 'ever' };

export function opLabel(field: FilterField, op: FilterOp): string {
  return (fieldKinds[field] === 'date' ? dateOpLabels[op] : undefined) ?? opLabels[op];
}

const tierLabels = { bronze: 'Bronze', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' } as const;
const options = (labels: Record<string, string>, values: readonly string[]): MultiSelectOption[] => values.map((value) => ({ value, label: labels[value] ?? value }));

export const choiceOptions: Partial<Record<FilterField, MultiSelectOption[]>> = {
  gender: options(genderLabels, filterEnumValues.gender),
  maritalStatus: options(maritalLabels, filterEnumValues.maritalStatus),
  state: malaysianStates.map((s) => ({ value: s.code, label: s.name })),
  tier: options(tierLabels, filterEnumValues.tier),
  consentStatus: options(consentLabels, filterEnumValues.consentStatus),
};
