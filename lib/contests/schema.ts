import { z } from 'zod';
import { winnerClaimStatuses } from '@/db/schema';
import { moneySchema } from '@/lib/purchases/money';
import { keywordProblem } from './keyword';

// What the API and the form take to create or change a contest (issue 7, item 4).

const CONTEST_NAME_MAX = 120;
const CONTEST_DESCRIPTION_MAX = 2000;
const MAX_PRIZES = 20;
const MAX_PRIZE_QUANTITY = 1000;
const MAX_ENTRIES_PER_CUSTOMER = 1000;

const name = z.string({ error: 'Give the contest a name.' }).trim().min(1, 'Give the contest a name.').max(CONTEST_NAME_MAX, `Use at most ${CONTEST_NAME_MAX} characters.`);
// Blank clears it.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .nullable()
    .transform((d) => d || null);
const moment = (label: string) => z.iso.datetime({ offset: true, error: `Give the ${label} as an ISO time with an offset, e.g. 2026-04-01T00:00:00+08:00.` }).transform((v) => new Date(v));

const prize = z.object({
  name: z.string({ error: 'Name the prize.' }).trim().min(1, 'Name the prize.').max(120, 'Use at most 120 characters.'),
  quantity: z.number({ error: 'Enter a whole number.' }).int('Enter a whole number.').min(1, 'At least 1.').max(MAX_PRIZE_QUANTITY, `At most ${MAX_PRIZE_QUANTITY}.`),
});

const keyword = z
  .string({ error: 'Give the keyword customers send.' })
  .trim()
  .min(1, 'Give the keyword customers send.')
  .max(60, 'Use at most 60 characters.')
  .superRefine((value, ctx) => {
    const problem = keywordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const entryMethodSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('keyword'), keyword }),
    z.object({ type: z.literal('any_message') }),
    z.object({ type: z.literal('receipt'), minSpend: moneySchema({ minCents: 0, maxCents: 100_000_000, label: 'minimum spend' }) }),
  ],
  { error: 'Choose how customers enter: keyword, any_message or receipt.' },
);

const fields = {
  name,
  description: optionalText(CONTEST_DESCRIPTION_MAX).optional(),
  startsAt: moment('start'),
  endsAt: moment('end'),
  prizes: z.array(prize, { error: 'List at least one prize.' }).min(1, 'List at least one prize.').max(MAX_PRIZES, `List at most ${MAX_PRIZES} prizes.`),
  maxEntriesPerCustomer: z.number({ error: 'Enter a whole number.' }).int('Enter a whole number.').min(1, 'At least 1.').max(MAX_ENTRIES_PER_CUSTOMER, `At most ${MAX_ENTRIES_PER_CUSTOMER}.`),
  termsUrl: z
    .union([z.url({ protocol: /^https?$/, error: 'Use a web address starting with https://.' }), z.literal(''), z.null()])
    .transform((v) => v || null)
    .optional(),
  entryMethod: entryMethodSchema,
  requireConsent: z.boolean().describe('Only customers who granted marketing consent may enter (default true)'),
  segmentId: z.uuid('Choose a segment from the list.').nullable().optional().describe('Only customers in this segment may enter'),
  onePrizePerCustomer: z.boolean().describe('A customer wins at most one prize, whatever their number of entries (default true)'),
  claimInstructions: optionalText(500).optional().describe('Sent to winners, e.g. where and when to collect the prize'),
};

const endsAfterStart = (v: { startsAt?: Date; endsAt?: Date }) => !v.startsAt || !v.endsAt || v.endsAt > v.startsAt;
const endsAfterStartIssue = { message: 'The end must be after the start.', path: ['endsAt'] };

export const contestInputSchema = z
  .object({
    ...fields,
    maxEntriesPerCustomer: fields.maxEntriesPerCustomer.default(1),
    requireConsent: fields.requireConsent.default(true),
    onePrizePerCustomer: fields.onePrizePerCustomer.default(true),
  })
  .refine(endsAfterStart, endsAfterStartIssue);
export type ContestInput = z.infer<typeof contestInputSchema>;

export const contestPatchSchema = z
  .object({
    name: fields.name.optional(),
    description: fields.description,
    startsAt: fields.startsAt.optional(),
    endsAt: fields.endsAt.optional(),
    prizes: fields.prizes.optional(),
    maxEntriesPerCustomer: fields.maxEntriesPerCustomer.optional(),
    termsUrl: fields.termsUrl,
    entryMethod: entryMethodSchema.optional(),
    requireConsent: fields.requireConsent.optional(),
    segmentId: fields.segmentId,
    onePrizePerCustomer: fields.onePrizePerCustomer.optional(),
    claimInstructions: fields.claimInstructions,
  })
  .refine(endsAfterStart, endsAfterStartIssue);
export type ContestPatch = z.infer<typeof contestPatchSchema>;

export const entryListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  status: z.enum(['valid', 'disqualified']).optional(),
});

export const disqualifyInputSchema = z.object({
  reason: z.string({ error: 'Say why the entry is disqualified.' }).trim().min(3, 'Say why the entry is disqualified.').max(500, 'Use at most 500 characters.'),
});

export const winnerPatchSchema = z.object({ claimStatus: z.enum(winnerClaimStatuses).exclude(['pending', 'notified']) });
