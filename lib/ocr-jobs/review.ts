import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { type OcrJob, ocrJobs } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { conversationSettings } from '@/lib/automation/turn';
import { lockCustomerConsent } from '@/lib/consent/record';
import { AppError } from '@/lib/errors';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import { purchaseInputSchema } from '@/lib/purchases/input';
import { type TenantContext, hasRole } from '@/lib/tenants/context';
import { applyIc, applyReceipt } from './apply';
import { type Extracted, type OcrOutcome, readExtracted, storeIcCard, storeReceipt } from './extracted';
import { languageFor, replyToPhoto } from './notify';
import { rejectedReply } from './replies';

// The review queue's decisions. A person approves what OCR read (corrected or not), which then
// does what a sure read would have done — a purchase, or the IC on the profile — and tells the
// customer; or rejects it with a note for the team (the customer gets a polite fixed reply).
// Receipts may be decided by any member (anyone may record a purchase); IC cards only by
// owners and admins, who alone see IC numbers in full.

export const receiptReviewSchema = purchaseInputSchema.pick({ date: true, total: true, merchant: true, items: true, tax: true, rounding: true, receiptNumber: true, paymentMethod: true });
export type ReceiptReview = z.input<typeof receiptReviewSchema>;

export const icReviewSchema = z.object({
  icNumber: z.string().trim().min(1, 'Enter the IC number.').max(20, 'An IC number has 12 digits.'),
  name: z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(150, 'Use at most 150 characters.').nullable().optional()),
});
export type IcReview = z.input<typeof icReviewSchema>;

export const rejectSchema = z.object({
  note: z.string().trim().min(3, 'Say in a few words why (at least 3 characters).').max(500, 'Use at most 500 characters.'),
});

type Reviewer = Pick<TenantContext, 'tenantId' | 'role' | 'apiKeyId'> & { userId: string };
type Kind = 'receipt' | 'ic_card';

export interface ReviewDeps {
  jobs?: JobClient;
  now?: Date;
}

export interface ReviewResult {
  status: 'approved' | 'rejected';
  outcome: OcrOutcome;
  purchaseId: string | null;
  // False when the customer's 24-hour window had closed: nothing could be sent.
  replied: boolean;
}

interface Open {
  job: OcrJob & { customerId: string };
  kind: Kind;
  language: 'ms' | 'en';
}

// Locks the customer (as the OCR job and the inbound pipeline do, in that order) and then the
// job, which must still be waiting for review. `kind` is what an approval expects; saving an
// IC needs the customer's consent, rejecting it (which keeps nothing) does not.
async function openForReview(tx: Database, ctx: Reviewer, id: string, expect: { kind?: Kind; saving: boolean }): Promise<Open> {
  const notFound = new AppError('not_found', 'No OCR job with that id.');
  const [first] = await tx.select({ customerId: ocrJobs.customerId }).from(ocrJobs).where(and(eq(ocrJobs.tenantId, ctx.tenantId), eq(ocrJobs.id, id))).limit(1);
  if (!first) throw notFound;
  const customer = first.customerId ? await lockCustomerConsent(tx, ctx.tenantId, first.customerId) : null;
  const [job] = await tx.select().from(ocrJobs).where(and(eq(ocrJobs.tenantId, ctx.tenantId), eq(ocrJobs.id, id))).for('update').limit(1);
  if (!job) throw notFound;
  if (job.status !== 'review' || !customer || !job.customerId) throw new AppError('conflict', `This item is not waiting for review (it is ${job.status}).`);
  const kind: Kind = job.kind === 'ic_card' ? 'ic_card' : 'receipt';
  if (expect.kind && kind !== expect.kind) throw new AppError('conflict', `This item is ${kind === 'ic_card' ? 'an IC card' : 'a receipt'}.`);
  if (kind === 'ic_card' && !hasRole(ctx, 'admin')) throw new AppError('forbidden', 'Only owners and admins review IC cards.');
  if (kind === 'ic_card' && expect.saving && customer.consentStatus !== 'granted') {
    throw new AppError('conflict', 'The customer has not granted consent, so their IC cannot be saved. Reject it instead.');
  }
  return { job: { ...job, customerId: job.customerId }, kind, language: languageFor(customer, await conversationSettings(tx, ctx.tenantId)) };
}

async function close(tx: Database, ctx: Reviewer, open: Open, result: Omit<ReviewResult, 'replied'>, extracted: Extracted, reply: string, options: { now: Date; jobs: JobClient; note?: string }) {
  const { job } = open;
  const replied = await replyToPhoto(tx, job, reply, options);
  await tx
    .update(ocrJobs)
    .set({
      status: result.status,
      extracted: { ...extracted, outcome: result.outcome, replied },
      purchaseId: result.purchaseId,
      reviewedByUserId: ctx.userId,
      reviewedAt: options.now,
      reviewNote: options.note ?? null,
      completedAt: options.now,
    })
    .where(and(eq(ocrJobs.tenantId, ctx.tenantId), eq(ocrJobs.id, job.id)));
  await recordAudit(tx, ctx, { action: `ocr_job.${result.status}`, targetType: 'ocr_job', targetId: job.id, metadata: { kind: job.kind, outcome: result.outcome } });
  return { ...result, replied };
}

// Approves a receipt as corrected: the purchase (by the reviewer) and the customer's reply.
// The same receipt already recorded is a 409; the reviewer can reject it instead.
export async function approveReceipt(db: Database, ctx: Reviewer, id: string, fields: ReceiptReview, deps: ReviewDeps = {}): Promise<ReviewResult> {
  const input = receiptReviewSchema.parse(fields);
  const now = deps.now ?? new Date();
  const jobs = deps.jobs ?? getJobClient();
  return db.transaction(async (tx) => {
    const open = await openForReview(tx, ctx, id, { kind: 'receipt', saving: true });
    const { job, language } = open;
    const applied = await applyReceipt(tx, job, { ...input, source: 'receipt', receiptMediaId: job.mediaId, ocrJobId: job.id, confidence: job.confidence }, { userId: ctx.userId, language, now, jobs });
    if (!applied.ok) throw new AppError('conflict', 'This receipt is already recorded for a customer of yours. Correct the fields if it is another receipt, or reject it.');
    const extracted = readExtracted(job.extracted);
    const receipt = storeReceipt({ ...(extracted.receipt ?? emptyReceipt), ...input, merchant: input.merchant ?? null, tax: input.tax ?? null, rounding: input.rounding ?? null, receiptNumber: input.receiptNumber ?? null, paymentMethod: input.paymentMethod ?? null });
    return close(tx, ctx, open, { status: 'approved', outcome: 'purchase_recorded', purchaseId: applied.purchaseId }, { ...extracted, receipt }, applied.reply, { now, jobs });
  });
}

const emptyReceipt = { address: null, subtotal: null, cash: null, change: null, currency: 'MYR' as const };

// Approves an IC card as corrected: saved like a typed IC (another customer's number is flagged,
// an invalid one is a 422 on icNumber).
export async function approveIcCard(db: Database, ctx: Reviewer, id: string, fields: IcReview, deps: ReviewDeps = {}): Promise<ReviewResult> {
  const input = icReviewSchema.parse(fields);
  const now = deps.now ?? new Date();
  const jobs = deps.jobs ?? getJobClient();
  return db.transaction(async (tx) => {
    const open = await openForReview(tx, ctx, id, { kind: 'ic_card', saving: true });
    const { result, reply } = await applyIc(tx, open.job, input.icNumber, { language: open.language, now });
    if (result.outcome === 'invalid') throw AppError.field('validation', 'icNumber', result.message.en);
    const extracted = readExtracted(open.job.extracted);
    const { mykad } = result;
    const icCard = storeIcCard({ icNumber: mykad.icNumber, name: input.name ?? extracted.icCard?.name ?? null, dateOfBirth: mykad.dateOfBirth, gender: mykad.gender, state: mykad.state });
    const outcome = result.outcome === 'saved' ? 'ic_saved' : 'ic_duplicate';
    return close(tx, ctx, open, { status: 'approved', outcome, purchaseId: null }, { ...extracted, icCard }, reply, { now, jobs });
  });
}

export async function rejectOcrJob(db: Database, ctx: Reviewer, id: string, fields: z.input<typeof rejectSchema>, deps: ReviewDeps = {}): Promise<ReviewResult> {
  const { note } = rejectSchema.parse(fields);
  const now = deps.now ?? new Date();
  const jobs = deps.jobs ?? getJobClient();
  return db.transaction(async (tx) => {
    const open = await openForReview(tx, ctx, id, { saving: false });
    const reply = rejectedReply[open.kind][open.language];
    return close(tx, ctx, open, { status: 'rejected', outcome: 'rejected', purchaseId: null }, readExtracted(open.job.extracted), reply, { now, jobs, note });
  });
}
