import { z } from 'zod';
import { sealIc, unsealIc } from '@/lib/customers/ic';
import type { IcCardFields, ReceiptFields } from '@/lib/ocr/types';

// What an OCR job keeps of a read (ocr_jobs.extracted), and how it reads back. The IC number
// is never stored in the clear (PDPA): sealed like customers.ic_encrypted, with its masked form
// for display; in the job's text every valid MyKad number is masked (maskMyKadNumbers).

export const ocrOutcomes = [
  // Read by the API: nothing else happens.
  'read',
  'purchase_recorded',
  // The same receipt (fingerprint) or the same file is already recorded or waiting.
  'duplicate_receipt',
  'duplicate_file',
  'in_review',
  'ic_saved',
  // Another customer holds this IC number: a duplicate_ic flag for a person.
  'ic_duplicate',
  'ic_invalid',
  // An IC card from a customer without consent: nothing of it kept.
  'needs_consent',
  'unrecognised',
  'rejected',
] as const;
export type OcrOutcome = (typeof ocrOutcomes)[number];

const nullableText = z.string().nullable().catch(null);

export const storedIcCardSchema = z.object({
  icEncrypted: z.string().nullable(),
  icMasked: z.string().nullable(),
  name: nullableText,
  dateOfBirth: nullableText,
  gender: z.enum(['M', 'F']).nullable().catch(null),
  state: nullableText,
});
export type StoredIcCard = z.infer<typeof storedIcCardSchema>;

export const storedReceiptSchema = z.object({
  merchant: nullableText,
  address: nullableText,
  date: nullableText,
  total: nullableText,
  currency: z.literal('MYR').catch('MYR'),
  items: z.array(z.object({ name: z.string(), quantity: z.number(), amount: z.string() })).catch([]),
  subtotal: nullableText.default(null),
  tax: nullableText,
  rounding: nullableText,
  receiptNumber: nullableText,
  paymentMethod: nullableText,
  cash: nullableText.default(null),
  change: nullableText.default(null),
});
export type StoredReceipt = z.infer<typeof storedReceiptSchema>;

export const extractedSchema = z.object({
  outcome: z.enum(ocrOutcomes).optional(),
  // 'pdf_text' when a PDF's text layer was read instead of OCR.
  source: z.enum(['ocr', 'pdf_text']).optional(),
  steps: z.array(z.string()).catch([]).default([]),
  receiptChecks: z.record(z.string(), z.boolean().nullable()).nullable().catch(null).default(null),
  icCard: storedIcCardSchema.nullable().catch(null).default(null),
  receipt: storedReceiptSchema.nullable().catch(null).default(null),
  // Why the job went to review, or what a person should know (plain sentences).
  problems: z.array(z.string()).catch([]).default([]),
  existingPurchaseId: z.string().optional(),
  // The earlier job whose file this was (duplicate_file).
  duplicateOfJobId: z.string().optional(),
  // False when the customer's 24-hour window had closed and no reply could be sent.
  replied: z.boolean().optional(),
});
export type Extracted = z.infer<typeof extractedSchema>;

export function readExtracted(value: unknown): Extracted {
  const parsed = extractedSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : extractedSchema.parse({});
}

export function storeIcCard(fields: Pick<IcCardFields, 'icNumber'> & Partial<Omit<IcCardFields, 'icNumber'>>): StoredIcCard {
  const sealed = fields.icNumber ? sealIc(fields.icNumber) : null;
  return {
    icEncrypted: sealed?.icEncrypted ?? null,
    icMasked: sealed?.icMasked ?? null,
    name: fields.name ?? null,
    dateOfBirth: fields.dateOfBirth ?? null,
    gender: fields.gender ?? null,
    state: fields.state ?? null,
  };
}

export function storeReceipt(fields: ReceiptFields): StoredReceipt {
  return storedReceiptSchema.parse(fields);
}

// The full number, for owners, admins and API keys only (callers check the role).
export function revealIcNumber(card: StoredIcCard | null): string | null {
  return card?.icEncrypted ? unsealIc(card.icEncrypted) : null;
}
