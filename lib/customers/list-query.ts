import { z } from 'zod';
import { consentStatuses, customers, tiers } from '@/db/schema';
import { listQuerySchema } from '@/lib/api/pagination';
import { type FieldError, fieldErrorsFromZod } from '@/lib/errors';
import { malaysianStates } from '@/lib/mykad';

// The customers list's query, shared by GET /api/v1/customers and the customers page (whose
// URL search params are these same fields).

export const customerSorts = ['created', 'name', 'lastInteraction', 'inbound', 'outbound', 'age'] as const;
export type CustomerSort = (typeof customerSorts)[number];
export type SortOrder = 'asc' | 'desc';

// Names read A→Z; everything else starts with the newest, largest or oldest.
export const defaultOrder: Record<CustomerSort, SortOrder> = { created: 'desc', name: 'asc', lastInteraction: 'desc', inbound: 'desc', outbound: 'desc', age: 'asc' };

const genders = customers.gender.enumValues;
const maritalStatuses = customers.maritalStatus.enumValues;
const stateCodes = malaysianStates.map((s) => s.code);

// "a,b,c" → one or more of `values`, reported on the field itself when one is unknown.
function oneOrMore<V extends string>(values: readonly V[], description: string) {
  return z
    .string()
    .transform((raw, ctx) => {
      const chosen = [...new Set(raw.split(',').map((v) => v.trim()).filter(Boolean))];
      const unknown = chosen.filter((v) => !(values as readonly string[]).includes(v));
      if (chosen.length === 0 || unknown.length > 0) {
        const what = unknown.length > 0 ? `Unknown value ${unknown.map((v) => JSON.stringify(v.slice(0, 20))).join(', ')}` : 'No value';
        ctx.addIssue({ code: 'custom', message: `${what}; use one or more of ${values.join(', ')}, comma-separated.` });
        return z.NEVER;
      }
      return chosen as V[];
    })
    .optional()
    .describe(`${description}; one or more of ${values.join(', ')}, comma-separated`);
}

// Filters that match a column against a set of values. Each is one line: the purchases issue
// adds `tier` here, and the schema, the SQL and the OpenAPI document follow.
export const valueFilters = {
  state: { column: customers.state, schema: oneOrMore(stateCodes, 'Birth state (ISO 3166-2:MY)') },
  gender: { column: customers.gender, schema: oneOrMore(genders, 'Gender') },
  maritalStatus: { column: customers.maritalStatus, schema: oneOrMore(maritalStatuses, 'Marital status') },
  consentStatus: { column: customers.consentStatus, schema: oneOrMore(consentStatuses, 'Marketing consent') },
  tier: { column: customers.tier, schema: oneOrMore(tiers, 'Loyalty tier') },
} as const;
type ValueFilter = keyof typeof valueFilters;

const age = z.coerce.number().int().min(0).max(130);
const isoDate = z.iso.date();

const valueFilterShape = Object.fromEntries(Object.entries(valueFilters).map(([key, f]) => [key, f.schema])) as {
  [K in ValueFilter]: (typeof valueFilters)[K]['schema'];
};

export const customerListQuerySchema = listQuerySchema
  .extend({
    sort: z.enum(customerSorts).default('created').describe('Sort key; age sorts youngest first when ascending. Customers without the value come last.'),
    order: z.enum(['asc', 'desc']).optional().describe('Default: asc for name, desc for the others (age: asc)'),
    search: z.string().trim().max(100).optional().describe('Part of the name or WhatsApp profile name; or a phone number (E.164, digits or local 01x…) or at least 3 of its digits'),
    phone: z.string().trim().min(1).max(40).optional().describe('Finds the customer with this number, written any way (e.g. +60123456789).'),
    ...valueFilterShape,
    ageMin: age.optional().describe('Youngest age, in whole years in Malaysia today'),
    ageMax: age.optional().describe('Oldest age'),
    lastInteractionWithinDays: z.coerce.number().int().min(1).max(3650).optional().describe('Last message in the past N days'),
    lastInteractionBefore: isoDate.optional().describe('No message since this date (YYYY-MM-DD, Malaysia time); includes customers who never wrote'),
  })
  .superRefine((q, issue) => {
    if (q.ageMin !== undefined && q.ageMax !== undefined && q.ageMin > q.ageMax) {
      issue.addIssue({ code: 'custom', path: ['ageMax'], message: 'The oldest age must not be below the youngest.' });
    }
  });

export type CustomerListQuery = z.output<typeof customerListQuerySchema>;

// The customers page reads the same fields from its URL, but a stale or hand-edited link
// should still show a list: fields that do not validate are dropped and reported.
export function parseListQueryLeniently(params: Record<string, string | undefined>): { query: CustomerListQuery; ignored: FieldError[] } {
  const first = customerListQuerySchema.safeParse(params);
  if (first.success) return { query: first.data, ignored: [] };
  const ignored = fieldErrorsFromZod(first.error);
  const bad = new Set(ignored.map((e) => e.field.split('.')[0]));
  const kept = Object.fromEntries(Object.entries(params).filter(([key]) => !bad.has(key)));
  const second = customerListQuerySchema.safeParse(kept);
  return { query: second.success ? second.data : customerListQuerySchema.parse({}), ignored };
}
