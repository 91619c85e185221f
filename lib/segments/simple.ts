import { z } from 'zod';
import { type FilterField, type FilterLeaf, type FilterTree, type SegmentCriteria, filterEnumValues, filterValues } from './filter-schema';

// The segment builder's simple form: the everyday criteria, each one control. It compiles to
// the filter tree (an and-group of one leaf per criterion), and a tree of that shape reads back
// into the form, so a segment saved from the form reopens in it.

function range<T extends z.ZodType<number, unknown>>(value: T) {
  return z
    .object({ min: value.optional(), max: value.optional() })
    .strict()
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { path: ['max'], message: 'The maximum must not be below the minimum.' });
}

function choices<const T extends readonly string[]>(values: T) {
  return z.array(z.enum(values as unknown as [T[number], ...T[number][]], { error: 'Choose one of the listed values.' })).max(values.length);
}

export const simpleCriteriaSchema = z
  .object({
    spend: range(filterValues.money).optional(),
    age: range(filterValues.age).optional(),
    purchaseCount: range(filterValues.count).optional(),
    genders: choices(filterEnumValues.gender).optional(),
    maritalStatuses: choices(filterEnumValues.maritalStatus).optional(),
    states: choices(filterEnumValues.state).optional(),
    tiers: choices(filterEnumValues.tier).optional(),
    consentStatuses: choices(filterEnumValues.consentStatus).optional(),
    lastPurchaseWithinDays: filterValues.days.optional(),
    // Bought before, but not in the last N days (lapsed buyers; never-bought is purchaseCount 0).
    lastPurchaseNotWithinDays: filterValues.days.optional(),
    // No message either way for N days, or never one.
    inactiveDays: filterValues.days.optional(),
    hasIc: z.boolean().optional(),
    // Malaysian calendar days, both included.
    created: z
      .object({ from: z.iso.date('Use a date like 2026-01-31.').optional(), to: z.iso.date('Use a date like 2026-01-31.').optional() })
      .strict()
      .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, { path: ['to'], message: 'The end must not be before the start.' })
      .optional(),
  })
  .strict();
export type SimpleCriteria = z.infer<typeof simpleCriteriaSchema>;
type Key = keyof SimpleCriteria;

interface Slot {
  key: Key;
  toTree(value: NonNullable<SimpleCriteria[Key]>): FilterTree | undefined;
  // The slot's value when `node` is the tree this slot makes, else undefined.
  fromTree(node: FilterTree): SimpleCriteria[Key] | undefined;
}

const isLeaf = (node: FilterTree): node is FilterLeaf => 'field' in node;
const leafOf = (node: FilterTree, field: FilterField): FilterLeaf | undefined => (isLeaf(node) && node.field === field ? node : undefined);

function bounded<T extends number | string>(field: FilterField, lowKey: 'min' | 'from', highKey: 'max' | 'to', isValue: (v: unknown) => boolean) {
  return {
    toTree(value: Record<string, T | undefined>): FilterLeaf | undefined {
      const low = value[lowKey];
      const high = value[highKey];
      if (low !== undefined && high !== undefined) return { field, op: 'between', value: [low, high] };
      if (low !== undefined) return { field, op: 'gte', value: low };
      return high === undefined ? undefined : { field, op: 'lte', value: high };
    },
    fromTree(node: FilterTree): Record<string, T> | undefined {
      const leaf = leafOf(node, field);
      const v = leaf?.value;
      if (leaf?.op === 'between' && Array.isArray(v) && v.every(isValue)) return { [lowKey]: v[0] as T, [highKey]: v[1] as T };
      if (!isValue(v)) return undefined;
      if (leaf?.op === 'gte') return { [lowKey]: v as T };
      return leaf?.op === 'lte' ? { [highKey]: v as T } : undefined;
    },
  };
}

const isNumber = (v: unknown) => typeof v === 'number';
// Only whole days: an exact time has no control in the form.
const isDay = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

const rangeSlot = (key: 'spend' | 'age' | 'purchaseCount', field: FilterField): Slot => ({ key, ...bounded<number>(field, 'min', 'max', isNumber) }) as Slot;

const listSlot = (key: 'genders' | 'maritalStatuses' | 'states' | 'tiers' | 'consentStatuses', field: FilterField): Slot => ({
  key,
  toTree: (values) => ((values as string[]).length > 0 ? { field, op: 'in', value: values } : undefined),
  fromTree(node) {
    const leaf = leafOf(node, field);
    if (leaf?.op === 'in') return leaf.value as SimpleCriteria[typeof key];
    return leaf?.op === 'eq' ? ([leaf.value] as SimpleCriteria[typeof key]) : undefined;
  },
});

const daysSlot = (key: 'lastPurchaseWithinDays' | 'lastPurchaseNotWithinDays', op: 'withinDays' | 'olderThanDays'): Slot => ({
  key,
  toTree: (days) => ({ field: 'lastPurchaseAt', op, value: days }),
  fromTree: (node) => {
    const leaf = leafOf(node, 'lastPurchaseAt');
    return leaf?.op === op ? (leaf.value as number) : undefined;
  },
});

const inactiveSlot: Slot = {
  key: 'inactiveDays',
  toTree: (days) => ({ or: [{ field: 'lastInteractionAt', op: 'olderThanDays', value: days }, { field: 'lastInteractionAt', op: 'isNull' }] }),
  fromTree(node) {
    if (!('or' in node) || node.or.length !== 2) return undefined;
    const leaves = node.or.map((n) => leafOf(n, 'lastInteractionAt'));
    const older = leaves.find((l) => l?.op === 'olderThanDays');
    return older && leaves.some((l) => l?.op === 'isNull') ? (older.value as number) : undefined;
  },
};

const hasIcSlot: Slot = {
  key: 'hasIc',
  toTree: (hasIc) => ({ field: 'hasIc', op: 'eq', value: hasIc }),
  fromTree: (node) => leafOf(node, 'hasIc')?.value as boolean | undefined,
};

// The form's criteria in the order they compile.
const slots: Slot[] = [
  rangeSlot('spend', 'totalSpent'),
  rangeSlot('age', 'age'),
  rangeSlot('purchaseCount', 'purchaseCount'),
  listSlot('genders', 'gender'),
  listSlot('maritalStatuses', 'maritalStatus'),
  listSlot('states', 'state'),
  listSlot('tiers', 'tier'),
  listSlot('consentStatuses', 'consentStatus'),
  daysSlot('lastPurchaseWithinDays', 'withinDays'),
  daysSlot('lastPurchaseNotWithinDays', 'olderThanDays'),
  inactiveSlot,
  hasIcSlot,
  { key: 'created', ...bounded<string>('createdAt', 'from', 'to', isDay) } as Slot,
];

// The simple criteria as segment criteria; null when nothing is chosen.
export function criteriaFromSimple(simple: SimpleCriteria): SegmentCriteria | null {
  const leaves = slots.flatMap((slot) => {
    const value = simple[slot.key];
    const tree = value === undefined ? undefined : slot.toTree(value);
    return tree ? [tree] : [];
  });
  return leaves.length > 0 ? { filter: { and: leaves } } : null;
}

// The simple criteria a tree stands for, or null when the form cannot show it (an or, a not,
// another operator or field, a criterion twice): the builder then opens in advanced mode.
export function simpleFromCriteria(criteria: SegmentCriteria): SimpleCriteria | null {
  const filter = criteria.filter;
  const nodes = 'and' in filter ? filter.and : [filter];
  const found: Record<string, unknown> = {};
  for (const node of nodes) {
    const match = slots.map((slot) => ({ slot, value: slot.fromTree(node) })).find((m) => m.value !== undefined && !(m.slot.key in found));
    if (!match) return null;
    found[match.slot.key] = match.value;
  }
  const simple = simpleCriteriaSchema.safeParse(found);
  return simple.success ? simple.data : null;
}
