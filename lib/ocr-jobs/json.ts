import { z } from 'zod';
import { type OcrJob, ocrKinds, ocrStatuses } from '@/db/schema';
import { moneyString } from '@/lib/purchases/money';
import { ocrOutcomes, readExtracted, revealIcNumber } from './extracted';

// An OCR job as the API answers it (DESIGN §9: dates ISO, money "45.90"). The IC number is in
// full only for owners, admins and API keys (who are admin-level); everyone else gets it masked.

const nullableMoney = moneyString.nullable();

export const ocrIcCardSchema = z
  .object({
    icNumber: z.string().nullable().describe('12 digits (full for owners, admins and API keys; masked 901231-01-**** for agents); null when the number could not be read'),
    name: z.string().nullable(),
    dateOfBirth: z.iso.date().nullable(),
    gender: z.enum(['M', 'F']).nullable(),
    state: z.string().nullable().describe('ISO 3166-2:MY code of the birth state, e.g. MY-10'),
  })
  .meta({ id: 'OcrIcCard' });

export const ocrReceiptSchema = z
  .object({
    merchant: z.string().nullable(),
    date: z.iso.date().nullable(),
    total: nullableMoney,
    currency: z.literal('MYR'),
    items: z.array(z.object({ name: z.string(), quantity: z.number(), amount: moneyString })),
    tax: nullableMoney,
    rounding: nullableMoney,
    receiptNumber: z.string().nullable(),
    paymentMethod: z.string().nullable(),
  })
  .meta({ id: 'OcrReceipt' });

export const ocrJobSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(ocrStatuses).describe('queued → processing → completed, or review (then approved / rejected), or failed'),
    source: z.enum(['whatsapp', 'api', 'dashboard']),
    kind: z.enum(ocrKinds).nullable().describe('null until read, and for a file that could not be read'),
    confidence: z.number().min(0).max(1).nullable(),
    icCard: ocrIcCardSchema.nullable(),
    receipt: ocrReceiptSchema.nullable(),
    text: z.string().nullable().describe('The text read, IC numbers masked'),
    outcome: z.enum(ocrOutcomes).nullable(),
    failureReason: z.string().nullable(),
    customerId: z.uuid().nullable(),
    mediaId: z.uuid().nullable(),
    purchaseId: z.uuid().nullable(),
    timings: z.record(z.string(), z.number()).nullable().describe('Milliseconds: waitMs, preprocessMs, ocrMs, extractMs, totalMs'),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'OcrJob' });
export type OcrJobJson = z.infer<typeof ocrJobSchema>;

const toDate = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

export function ocrJobJson(job: OcrJob, options: { revealIc: boolean }): OcrJobJson {
  const extracted = readExtracted(job.extracted);
  const card = extracted.icCard;
  const receipt = extracted.receipt;
  return {
    id: job.id,
    status: job.status,
    source: job.source,
    kind: job.kind,
    confidence: job.confidence,
    icCard: card && {
      icNumber: options.revealIc ? revealIcNumber(card) : card.icMasked,
      name: card.name,
      dateOfBirth: toDate(card.dateOfBirth),
      gender: card.gender,
      state: card.state,
    },
    receipt: receipt && {
      merchant: receipt.merchant,
      date: toDate(receipt.date),
      total: receipt.total,
      currency: 'MYR',
      items: receipt.items,
      tax: receipt.tax,
      rounding: receipt.rounding,
      receiptNumber: receipt.receiptNumber,
      paymentMethod: receipt.paymentMethod,
    },
    text: job.text,
    outcome: extracted.outcome ?? null,
    failureReason: job.failureReason,
    customerId: job.customerId,
    mediaId: job.mediaId,
    purchaseId: job.purchaseId,
    timings: job.timings ?? null,
    createdAt: job.createdAt.toISOString(),
    completedAt: job.completedAt?.toISOString() ?? null,
  };
}
