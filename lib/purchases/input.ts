import { z } from 'zod';
import { purchases } from '@/db/schema';
import { todayInMalaysia } from '@/lib/mykad';
import { moneySchema } from './money';

// What a purchase is made of, however it arrives (POS, dashboard, CSV import, OCR review).

export const MAX_PURCHASE_CENTS = 1_000_000_00;
// Older than this is a typo (1925 for 2025), not a purchase to reward.
export const MAX_PURCHASE_AGE_YEARS = 10;
export const MAX_ITEMS = 200;

export const purchaseSources = purchases.source.enumValues;
export type PurchaseSource = (typeof purchaseSources)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), text(max).nullable().optional());

export const purchaseDateSchema = z.iso.date({ error: 'Write the date as YYYY-MM-DD.' }).pipe(
  z.string().superRefine((day, ctx) => {
    const today = todayInMalaysia();
    if (day > today) ctx.addIssue({ code: 'custom', message: `The date is in the future (today in Malaysia is ${today}).` });
    const earliest = `${Number(today.slice(0, 4)) - MAX_PURCHASE_AGE_YEARS}${today.slice(4)}`;
    if (day < earliest) ctx.addIssue({ code: 'custom', message: `The date is more than ${MAX_PURCHASE_AGE_YEARS} years ago; check the year.` });
  }),
);

export const purchaseItemSchema = z
  .object({
    name: text(200),
    quantity: z.number().positive().max(100_000).default(1),
    // A discount line is negative.
    amount: moneySchema({ minCents: -MAX_PURCHASE_CENTS, maxCents: MAX_PURCHASE_CENTS, label: 'item amount' }),
  });

const fields = {
  date: purchaseDateSchema.describe('The day on the receipt, YYYY-MM-DD (Malaysia time); not in the future, at most 10 years ago'),
  total: moneySchema({ minCents: 1, maxCents: MAX_PURCHASE_CENTS, label: 'total' }),
  merchant: optionalText(200).describe('The shop or outlet on the receipt'),
  items: z.array(purchaseItemSchema).max(MAX_ITEMS).default([]),
  tax: moneySchema({ minCents: 0, maxCents: MAX_PURCHASE_CENTS, label: 'tax' }).nullable().optional().describe('SST/GST included in the total'),
  // Malaysian cash rounding is to 5 sen; anything bigger than a ringgit is not rounding.
  rounding: moneySchema({ minCents: -99, maxCents: 99, label: 'rounding' }).nullable().optional().describe('Cash rounding adjustment (penggenapan), e.g. "-0.02"'),
  receiptNumber: optionalText(100).describe('Receipt or invoice number; with it, the same receipt is refused for every customer'),
  paymentMethod: optionalText(50).describe('Cash, card, e-wallet, …'),
};

export const purchaseInputSchema = z
  .object({
    ...fields,
    source: z.enum(purchaseSources).default('api').describe('receipt (a photo, via OCR), manual (dashboard), api (POS) or import (CSV)'),
    receiptMediaId: z.uuid().nullable().optional().describe('The receipt image (a media id of this tenant)'),
    ocrJobId: z.uuid().nullable().optional().describe('The OCR job that read the receipt'),
    confidence: z.number().min(0).max(1).nullable().optional().describe('OCR confidence, 0..1'),
  });
export type PurchaseInput = z.input<typeof purchaseInputSchema>;
export type ParsedPurchaseInput = z.output<typeof purchaseInputSchema>;

// A correction: any of the receipt's fields; what is left out stays.
export const purchasePatchSchema = z.object({
  date: fields.date.optional(),
  total: fields.total.optional(),
  merchant: fields.merchant,
  items: z.array(purchaseItemSchema).max(MAX_ITEMS).optional(),
  tax: fields.tax,
  rounding: fields.rounding,
  receiptNumber: fields.receiptNumber,
  paymentMethod: fields.paymentMethod,
});
export type PurchasePatch = z.output<typeof purchasePatchSchema>;

// Idempotency-Key header: printable ASCII, as Stripe and the IETF draft use it.
export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1, 'The Idempotency-Key is empty.')
  .max(255, 'The Idempotency-Key may be at most 255 characters.')
  .regex(/^[\x21-\x7e]+$/, 'The Idempotency-Key may hold printable ASCII characters only, e.g. a UUID.');
