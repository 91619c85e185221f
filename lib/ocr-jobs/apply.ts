import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers } from '@/db/schema';
import type { ReplyLanguage } from '@/lib/consent/keywords';
import { enterReceiptContests } from '@/lib/contests/receipt-entries';
import { icDuplicateReply, icInvalidReply, profileSavedReply } from '@/lib/customers/profile-replies';
import { type SetIcResult, setCustomerIc } from '@/lib/customers/profile';
import type { JobClient } from '@/lib/jobs/client';
import { maskMyKad } from '@/lib/mykad';
import { type ParsedPurchaseInput, purchaseInputSchema } from '@/lib/purchases/input';
import { recordPurchase } from '@/lib/purchases/record';
import type { StoredReceipt } from './extracted';
import { receiptDuplicateReply, receiptRecordedReply } from './replies';

// What a receipt or IC card does to the customer, whether OCR was sure enough to do it at once
// or a person approved it: a purchase through recordPurchase, an IC through setCustomerIc.

interface JobRef {
  id: string;
  tenantId: string;
  customerId: string;
  mediaId: string | null;
  messageId: string | null;
}

// The receipt's fields as a purchase; invalid or missing ones (no total, a date in the
// future) are returned as problems for a person to fix.
export function receiptPurchase(job: Pick<JobRef, 'id' | 'mediaId'> & { confidence: number | null }, receipt: StoredReceipt): { ok: true; input: ParsedPurchaseInput } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (!receipt.total) problems.push('No total was found.');
  if (!receipt.date) problems.push('No date was found.');
  if (problems.length > 0) return { ok: false, problems };
  const parsed = purchaseInputSchema.safeParse({
    source: 'receipt',
    date: receipt.date,
    total: receipt.total,
    merchant: receipt.merchant,
    items: receipt.items,
    tax: receipt.tax,
    rounding: receipt.rounding,
    receiptNumber: receipt.receiptNumber,
    paymentMethod: receipt.paymentMethod,
    receiptMediaId: job.mediaId,
    ocrJobId: job.id,
    confidence: job.confidence,
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'receipt'}: ${i.message}`) };
}

export type ReceiptApplied = { ok: true; purchaseId: string; reply: string } | { ok: false; existingPurchaseId: string; reply: string };

export async function applyReceipt(
  tx: Database,
  job: JobRef,
  input: ParsedPurchaseInput,
  options: { userId: string | null; language: ReplyLanguage; now: Date; jobs: JobClient },
): Promise<ReceiptApplied> {
  // A millisecond later than the reply, so a tier-up note recordPurchase may queue follows it.
  const later = new Date(options.now.getTime() + 1);
  const result = await recordPurchase(tx, { tenantId: job.tenantId, userId: options.userId }, { ...input, customerId: job.customerId }, { now: later, jobs: options.jobs });
  if (!result.ok) return { ok: false, existingPurchaseId: result.existingPurchaseId, reply: receiptDuplicateReply[options.language] };
  const { purchase, customer } = result;
  // A receipt contest running when the photo was sent gets an entry; its confirmation follows.
  const entries = await enterReceiptContests(
    tx,
    { tenantId: job.tenantId, customerId: job.customerId, purchaseId: purchase.id, total: purchase.total, purchasedOn: purchase.purchasedOn, messageId: job.messageId },
    { language: options.language, now: options.now },
  );
  const recorded = receiptRecordedReply(options.language, { merchant: purchase.merchant, total: purchase.total, date: purchase.purchasedOn, totalSpent: customer.totalSpent, tier: customer.tier });
  return { ok: true, purchaseId: purchase.id, reply: [recorded, ...entries].join('\n\n') };
}

export interface IcApplied {
  result: SetIcResult;
  reply: string;
}

// Saved like a typed IC (profile step): sealed, with date of birth, state and gender; another
// customer's number becomes a duplicate_ic flag. The reply is the typed IC's reply.
export async function applyIc(tx: Database, job: JobRef, icNumber: string, options: { language: ReplyLanguage; now: Date }): Promise<IcApplied> {
  const ref = { tenantId: job.tenantId, customerId: job.customerId };
  const result = await setCustomerIc(tx, ref, icNumber, { evidenceMessageId: job.messageId, now: options.now });
  const { language } = options;
  if (result.outcome === 'invalid') return { result, reply: icInvalidReply(language, result.message) };
  if (result.outcome === 'duplicate') return { result, reply: icDuplicateReply[language] };
  const [row] = await tx.select({ gender: customers.gender }).from(customers).where(and(eq(customers.tenantId, ref.tenantId), eq(customers.id, ref.customerId)));
  const { mykad } = result;
  const saved = {
    ic: { masked: maskMyKad(mykad.icNumber), dateOfBirth: mykad.dateOfBirth, stateName: mykad.stateName, birthCountry: mykad.birthCountry },
    gender: row?.gender ?? undefined,
  };
  return { result, reply: profileSavedReply(language, saved, options.now) };
}
