import { z } from 'zod';
import { malaysianStates } from '@/lib/mykad';

// The segment filter tree (issue 6 API contract): a leaf is { field, op, value }, a node is
// { and: [...] } | { or: [...] } | { not: tree }.

export const MAX_DEPTH = 8;
export const MAX_LEAVES = 100;
const MAX_LIST = 100;

export const filterEnumValues = {
  gender: ['M', 'F', 'NB'],
  maritalStatus: ['single', 'married', 'divorced', 'widowed'],
  state: malaysianStates.map((s) => s.code),
  tier: ['bronze', 'silver', 'gold', 'platinum'],
  consentStatus: ['unknown', 'pending', 'granted', 'withdrawn'],
} as const;

const amountMessage = 'Use an amount like 150 or 150.50.';
const wholeNumber = (max: number) => z.number({ error: 'Enter a whole number.' }).int('Enter a whole number.').min(0, 'Enter 0 or more.').max(max, `Enter at most ${max.toLocaleString('en')}.`);
// Money: a number or a decimal string with at most two places.
const money = z.union([z.number().finite().min(0, amountMessage).max(1e9, amountMessage), z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, amountMessage).transform(Number)], { error: amountMessage });
const count = wholeNumber(1_000_000);
// A Malaysian calendar day (YYYY-MM-DD) or an exact ISO time with an offset.
const moment = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'Use a date like 2026-01-31.' });
const days = wholeNumber(36_500);
const age = wholeNumber(150);

const contest = z.uuid({ error: 'Choose a contest.' });

// The value schemas the simple criteria form shares with the tree.
export const filterValues = { money, count, days, age };
const nothing = z.null().optional();

function ordered<T extends z.ZodType<number | string>>(value: T) {
  return z.tuple([value, value], { error: 'Give both bounds.' }).refine(([a, b]) => a !== undefined && b !== undefined && a <= b, 'The first bound must not be after the second.');
}

function enumOps(values: readonly string[]) {
  const one = z.enum(values as [string, ...string[]], { error: 'Choose one of the listed values.' });
  const many = z.array(one, { error: 'Choose at least one value.' }).min(1, 'Choose at least one value.').max(MAX_LIST);
  return { eq: one, neq: one, in: many, nin: many, isNull: nothing, notNull: nothing };
}

function numberOps(value: z.ZodType<number>) {
  return { eq: value, neq: value, gt: value, gte: value, lt: value, lte: value, between: ordered(value), isNull: nothing, notNull: nothing };
}

const dateOps = { gt: moment, gte: moment, lt: moment, lte: moment, between: ordered(moment), withinDays: days, olderThanDays: days, isNull: nothing, notNull: nothing };

// For every field, the operators it takes and the value each operator needs.
export const fieldRules = {
  totalSpent: numberOps(money),
  averageSpend: numberOps(money),
  purchaseCount: numberOps(count),
  age: numberOps(age),
  gender: enumOps(filterEnumValues.gender),
  maritalStatus: enumOps(filterEnumValues.maritalStatus),
  state: enumOps(filterEnumValues.state),
  tier: enumOps(filterEnumValues.tier),
  consentStatus: enumOps(filterEnumValues.consentStatus),
  lastInteractionAt: dateOps,
  lastPurchaseAt: dateOps,
  createdAt: dateOps,
  hasIc: { eq: z.boolean({ error: 'Choose yes or no.' }) },
  // "Entered contest X" (a valid entry; eq) or not (neq).
  contestId: { eq: contest, neq: contest },
} as const;

export type FilterField = keyof typeof fieldRules;
export type FilterOp = 'eq' | 'neq' | 'in' | 'nin' | 'gt' | 'gte' | 'lt' | 'lte' | 'between' | 'isNull' | 'notNull' | 'withinDays' | 'olderThanDays';
export interface FilterLeaf {
  field: FilterField;
  op: FilterOp;
  value?: unknown;
}
export type FilterTree = FilterLeaf | { and: FilterTree[] } | { or: FilterTree[] } | { not: FilterTree };

const fieldNames = Object.keys(fieldRules) as FilterField[];

export const filterLeafSchema = z
  .object({ field: z.string(), op: z.string(), value: z.unknown().optional() })
  .strict()
  .transform((leaf, ctx): FilterLeaf => {
    const rules = (fieldRules as Record<string, Record<string, z.ZodType> | undefined>)[leaf.field];
    if (!rules) {
      ctx.addIssue({ code: 'custom', path: ['field'], message: `Unknown field “${leaf.field}”. Use one of: ${fieldNames.join(', ')}.` });
      return z.NEVER;
    }
    const valueSchema = rules[leaf.op];
    if (!valueSchema) {
      ctx.addIssue({ code: 'custom', path: ['op'], message: `“${leaf.op}” does not apply to ${leaf.field}. Use one of: ${Object.keys(rules).join(', ')}.` });
      return z.NEVER;
    }
    const value = valueSchema.safeParse(leaf.value);
    if (!value.success) {
      for (const issue of value.error.issues) ctx.addIssue({ code: 'custom', path: ['value', ...issue.path.map(String)], message: issue.message });
      return z.NEVER;
    }
    return { field: leaf.field as FilterField, op: leaf.op as FilterOp, value: value.data };
  });

const groupSchema = (key: 'and' | 'or') => z.object({ [key]: z.array(z.unknown()).min(1, 'A group needs at least one condition.').max(MAX_LEAVES) }).strict();

// Dispatches on the node's shape so an error points at the leaf that is wrong (a plain union
// would only say "invalid input" at the top).
function parseTree(input: unknown, ctx: z.RefinementCtx, path: (string | number)[]): FilterTree | null {
  const forward = (issues: z.core.$ZodIssue[]) => {
    for (const issue of issues) ctx.addIssue({ code: 'custom', path: [...path, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))], message: issue.message });
    return null;
  };
  const node = typeof input === 'object' && input !== null ? input : {};
  for (const key of ['and', 'or'] as const) {
    if (!(key in node)) continue;
    const group = groupSchema(key).safeParse(input);
    if (!group.success) return forward(group.error.issues);
    const children = (group.data[key] as unknown[]).map((child, i) => parseTree(child, ctx, [...path, key, i]));
    if (children.some((c) => c === null)) return null;
    return { [key]: children as FilterTree[] } as FilterTree;
  }
  if ('not' in node) {
    const wrapper = z.object({ not: z.unknown() }).strict().safeParse(input);
    if (!wrapper.success) return forward(wrapper.error.issues);
    const inner = parseTree(wrapper.data.not, ctx, [...path, 'not']);
    return inner && { not: inner };
  }
  const leaf = filterLeafSchema.safeParse(input);
  return leaf.success ? leaf.data : forward(leaf.error.issues);
}

// The tree as JSON Schema for the OpenAPI document, generated from fieldRules (the check above
// dispatches by hand, which zod cannot describe): one leaf shape per field, and the groups.
const FILTER_REF = '#/$defs/SegmentFilter';
function filterJsonSchema() {
  const leaves = Object.entries(fieldRules).map(([field, ops]) => {
    const values = [...new Set(Object.values(ops).map((v: z.ZodType) => JSON.stringify(z.toJSONSchema(v, { io: 'input', unrepresentable: 'any' }))))];
    const value = values.map((v) => {
      const { $schema: _dialect, ...rest } = JSON.parse(v) as Record<string, unknown>;
      return rest;
    });
    return { type: 'object', additionalProperties: false, required: ['field', 'op'], properties: { field: { const: field }, op: { enum: Object.keys(ops) }, value: { anyOf: value } } };
  });
  const group = (key: string) => ({ type: 'object', additionalProperties: false, required: [key], properties: { [key]: { type: 'array', minItems: 1, maxItems: MAX_LEAVES, items: { $ref: FILTER_REF } } } });
  const negation = { type: 'object', additionalProperties: false, required: ['not'], properties: { not: { $ref: FILTER_REF } } };
  return {
    type: 'object',
    description: `A leaf { field, op, value } (the value depends on the operator: a list for in/nin, [low, high] for between, none for isNull/notNull, whole days for withinDays/olderThanDays, YYYY-MM-DD Malaysian days or ISO times for dates) or a group { and: [...] }, { or: [...] }, { not: tree }; at most ${MAX_DEPTH} levels and ${MAX_LEAVES} leaves.`,
    anyOf: [...leaves, group('and'), group('or'), negation],
  };
}

export const filterTreeSchema: z.ZodType<FilterTree, unknown> = z
  .unknown()
  .transform((input, ctx) => parseTree(input, ctx, []) ?? z.NEVER)
  .meta({ id: 'SegmentFilter', ...filterJsonSchema() });

function measure(tree: FilterTree, depth = 1): { depth: number; leaves: number } {
  const children = 'and' in tree ? tree.and : 'or' in tree ? tree.or : 'not' in tree ? [tree.not] : null;
  if (!children) return { depth, leaves: 1 };
  return children.map((c) => measure(c, depth + 1)).reduce((a, b) => ({ depth: Math.max(a.depth, b.depth), leaves: a.leaves + b.leaves }), { depth, leaves: 0 });
}

// Segment criteria as the API takes them: { filter: tree }, bounded so the query stays cheap.
export const segmentCriteriaSchema = z
  .object({ filter: filterTreeSchema })
  .strict()
  .superRefine(({ filter }, ctx) => {
    const { depth, leaves } = measure(filter);
    if (depth > MAX_DEPTH) ctx.addIssue({ code: 'custom', path: ['filter'], message: `Nest conditions at most ${MAX_DEPTH} levels deep.` });
    if (leaves > MAX_LEAVES) ctx.addIssue({ code: 'custom', path: ['filter'], message: `Use at most ${MAX_LEAVES} conditions.` });
  });
export type SegmentCriteria = z.infer<typeof segmentCriteriaSchema>;
