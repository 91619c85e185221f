import { z } from 'zod';
import { receiptReviewSchema } from './review';

// The review page's forms as FormData sends them: every field a string, empty meaning "none",
// the line items as one JSON field. review.ts checks the values themselves.

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optional = z.preprocess(blank, z.string().nullable().optional());

export const receiptReviewFormSchema = z.object({
  id: z.uuid(),
  date: z.string(),
  total: z.string(),
  merchant: optional,
  tax: optional,
  rounding: optional,
  receiptNumber: optional,
  paymentMethod: optional,
  items: z
    .string()
    .default('[]')
    .transform((raw, ctx): unknown => {
      try {
        return JSON.parse(raw);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'The items could not be read.' });
        return z.NEVER;
      }
    })
    .pipe(receiptReviewSchema.shape.items),
});

export const icReviewFormSchema = z.object({ id: z.uuid(), icNumber: z.string(), name: z.string().optional() });

export const rejectFormSchema = z.object({ id: z.uuid(), note: z.string() });
