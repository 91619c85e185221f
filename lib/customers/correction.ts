import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { type Customer, customers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenants/context';
import { getCustomer } from './customers';
import { icLookupHash } from './ic';
import { parseGender, parseMaritalStatus, setCustomerDetails, setCustomerIc } from './profile';

export const customerLanguages = ['ms', 'en', 'zh'] as const;

// An empty string clears a field like null does (a form's empty box).
const blankIsNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

function wordField<T>(parse: (input: string) => T | null, message: string) {
  return z.preprocess(
    blankIsNull,
    z
      .string()
      .max(40)
      .transform((raw, ctx) => parse(raw) ?? (ctx.addIssue({ code: 'custom', message }), z.NEVER))
      .nullable()
      .optional(),
  );
}

// The fields a correction (PDPA right of correction) may change; omitted fields stay as they are.
export const customerCorrectionShape = {
  name: z.string().trim().min(1, 'Give the customer a name.').max(120).optional(),
  city: z.preprocess(blankIsNull, z.string().trim().max(80).nullable().optional()).describe('Empty or null clears it'),
  language: z.preprocess(blankIsNull, z.enum(customerLanguages).nullable().optional()).describe('Language for automated messages: ms, en or zh'),
  gender: wordField(parseGender, 'Choose M, F or NB.').describe('M, F or NB (also L/LELAKI, P/PEREMPUAN); null clears it'),
  maritalStatus: wordField(parseMaritalStatus, 'Choose single, married, divorced or widowed.').describe(
    'single, married, divorced or widowed (also BUJANG, BERKAHWIN, BERCERAI, BALU, DUDA); null clears it',
  ),
  icNumber: z
    .string()
    .trim()
    .min(1, 'Write the 12-digit IC number.')
    .max(20, 'An IC number has 12 digits, like 901231-01-1234.')
    .optional()
    .describe('MyKad number, dashes optional; sets date of birth, birth state and gender. Never returned: responses show it masked'),
};

export const customerCorrectionSchema = z
  .strictObject(customerCorrectionShape)
  .refine((input) => Object.values(input).some((v) => v !== undefined), 'Send at least one field to change.');
export type CustomerCorrection = z.output<typeof customerCorrectionSchema>;

const plainFields = ['name', 'city', 'language'] as const;

type Outcome = { ok: true } | { ok: false; otherCustomerId: string };

// Applies a correction in one transaction and logs the names of the fields that changed (never
// their values). An invalid IC changes nothing. An IC another customer holds changes nothing
// either, but its duplicate_ic flag is kept for review and the answer is a conflict.
export async function correctCustomer(db: Database, ctx: TenantContext, customerId: string, input: CustomerCorrection): Promise<Customer> {
  const ref = { tenantId: ctx.tenantId, customerId };
  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    const current = await getCustomer(tx, ctx, customerId);
    const changed: string[] = [];
    // The IC first: it sets the gender. A field counts as given only when it differs from what
    // is stored, so a form that sends every field lets the new IC's gender stand, while a gender
    // the person changed wins over it.
    if (input.icNumber !== undefined && icLookupHash(input.icNumber) !== current.icHash) {
      const result = await setCustomerIc(tx, ref, input.icNumber);
      if (result.outcome === 'invalid') throw AppError.field('validation', 'icNumber', result.message.en);
      if (result.outcome === 'duplicate') {
        await recordAudit(tx, ctx, { action: 'customer.ic_flagged', targetType: 'customer', targetId: customerId, metadata: { flagId: result.flagId } });
        return { ok: false, otherCustomerId: result.otherCustomerId };
      }
      changed.push('icNumber');
    }
    const plain: Partial<Pick<Customer, (typeof plainFields)[number]>> = {};
    for (const field of plainFields) {
      const value = input[field];
      if (value !== undefined && value !== current[field]) Object.assign(plain, { [field]: value });
    }
    if (Object.keys(plain).length > 0) {
      await tx
        .update(customers)
        .set({ ...plain, updatedAt: new Date() })
        .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, customerId)));
      changed.push(...Object.keys(plain));
    }
    const details = {
      ...(input.gender !== undefined && input.gender !== current.gender && { gender: input.gender }),
      ...(input.maritalStatus !== undefined && input.maritalStatus !== current.maritalStatus && { maritalStatus: input.maritalStatus }),
    };
    if (Object.keys(details).length > 0) {
      await setCustomerDetails(tx, ref, details);
      changed.push(...Object.keys(details));
    }
    if (changed.length > 0) await recordAudit(tx, ctx, { action: 'customer.corrected', targetType: 'customer', targetId: customerId, metadata: { fields: changed } });
    return { ok: true };
  });
  if (!outcome.ok) {
    throw AppError.field('conflict', 'icNumber', 'Another customer already has this IC number. Nothing was changed; both customers are flagged for review.');
  }
  return getCustomer(db, ctx, customerId);
}
