import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, messages } from '@/db/schema';
import type { ReplyLanguage } from '@/lib/consent/keywords';
import { todayInMalaysia } from '@/lib/mykad';
import { toCents } from '@/lib/purchases/money';
import { runningReceiptContests } from './contests';
import { contestEligibility } from './eligibility';
import { createEntry } from './entries';
import { entryConfirmedReply } from './replies';

export interface ReceiptPurchase {
  tenantId: string;
  customerId: string;
  purchaseId: string;
  total: string;
  purchasedOn: string;
  // The photo's message, when it came over WhatsApp: its time decides the contest window, so a
  // receipt sent on the last day and approved the next morning still counts.
  messageId: string | null;
}

// After the OCR flow recorded a purchase (never for a duplicate or rejected receipt): an entry
// in each receipt contest running when the photo was sent, if the total reaches its minimum
// spend, the purchase date lies in the contest's Malaysian days and the customer may enter.
// One entry per purchase per contest (unique index); the per-customer limit still applies.
// Answers the confirmations to add to the receipt's reply.
export async function enterReceiptContests(tx: Database, purchase: ReceiptPurchase, options: { language: ReplyLanguage; now: Date }): Promise<string[]> {
  const [sent] = purchase.messageId
    ? await tx
        .select({ at: messages.createdAt })
        .from(messages)
        .where(and(eq(messages.tenantId, purchase.tenantId), eq(messages.id, purchase.messageId)))
        .limit(1)
    : [];
  const submittedAt = sent?.at ?? options.now;
  const running = await runningReceiptContests(tx, purchase.tenantId, submittedAt);
  if (running.length === 0) return [];
  const [customer] = await tx
    .select({ id: customers.id, consentStatus: customers.consentStatus })
    .from(customers)
    .where(and(eq(customers.tenantId, purchase.tenantId), eq(customers.id, purchase.customerId)))
    .limit(1);
  if (!customer) return [];
  const spent = toCents(purchase.total) ?? 0;
  const confirmations: string[] = [];
  for (const contest of running) {
    if (contest.entryMethod.type !== 'receipt' || spent < (toCents(contest.entryMethod.minSpend) ?? 0)) continue;
    if (purchase.purchasedOn < todayInMalaysia(contest.startsAt) || purchase.purchasedOn > todayInMalaysia(contest.endsAt)) continue;
    if ((await contestEligibility(tx, contest, customer, submittedAt)) !== 'eligible') continue;
    const result = await createEntry(tx, contest, { customerId: customer.id, purchaseId: purchase.purchaseId, messageId: purchase.messageId, now: options.now });
    if (result.outcome === 'entered') confirmations.push(entryConfirmedReply(options.language, contest, result.entry));
  }
  return confirmations;
}
