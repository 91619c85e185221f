import { pickAddress, pickMerchant } from './merchant';
import { formatCents } from './money';
import { serviceCharge, taxCharge } from './receipt-charges';
import { pickDate } from './receipt-date';
import { extractItems } from './receipt-items';
import { type LineRole, type ReceiptLine, lineAmount, readReceiptLines } from './receipt-lines';
import { type TotalChecks, type TotalChoice, type TotalEvidence, chooseTotal, scoreTotals } from './receipt-total';
import type { OcrLine, ReceiptFields } from './types';

export interface ReceiptExtraction {
  fields: ReceiptFields;
  // 0..1: how far the figures can be trusted without a person checking them.
  confidence: number;
  checks: TotalChecks;
}

const RECEIPT_NUMBER =
  /\b(?:RECEIPT|RCPT|RESIT|INVOICE|INV|BILL|DOC(?:UMENT)?|TRANS(?:ACTION)?|TRX|TXN|SLIP|CHECK|CHK|ORDER|REF)\s*(?:NO\.?|NUM(?:BER)?|#)?\s*[:#.]?\s*(?:NO\.?\s*[:#]?\s*)?([A-Z0-9][A-Z0-9\-/]{2,})/i;
const RECEIPT_NUMBER_MALAY = /\bNO\.?\s*(?:RESIT|INVOIS|BIL)\s*[:#.]?\s*([A-Z0-9][A-Z0-9\-/]{2,})/i;

function pickReceiptNumber(lines: OcrLine[]): string | null {
  for (const line of lines) {
    const match = RECEIPT_NUMBER_MALAY.exec(line.text) ?? RECEIPT_NUMBER.exec(line.text);
    const value = match?.[1];
    if (value && /\d/.test(value) && !/^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$/.test(value)) return value.toUpperCase();
  }
  return null;
}

function firstAmount(lines: ReceiptLine[], role: LineRole, from = 0, before = Infinity): number | null {
  for (const line of lines) {
    if (line.role !== role || line.index < from || line.index >= before) continue;
    const cents = lineAmount(line);
    if (cents !== null) return cents;
  }
  return null;
}

// Two figures agreeing exactly with the total (cash − change, subtotal + tax + rounding) are
// strong evidence that every digit was read right; item lines are weaker (prices and
// quantities mix), and disagreeing items say little since item parsing misses lines.
function totalConfidence(total: TotalChoice, checks: TotalChecks, itemCount: number): number {
  let score = total.line !== null ? 0.35 + (total.labelStrength >= 3 ? 0.1 : 0) : 0.2;
  let agreement = 0;
  if (checks.cashChange) agreement += 0.35;
  if (checks.breakdown) agreement += 0.3;
  if (checks.items) agreement += itemCount >= 2 ? 0.25 : 0.15;
  if (total.seconded) agreement += 0.2;
  score += Math.min(0.6, agreement);
  if (checks.cashChange === false) score -= 0.15;
  if (checks.breakdown === false) score -= 0.1;
  if (checks.items === false) score -= 0.03;
  return score * (0.75 + 0.25 * total.confidence);
}

const FOOTER_ROLES: LineRole[] = ['subtotal', 'total', 'tax', 'rounding', 'service', 'cash', 'change'];
const PAYMENT_ROLES: Partial<Record<LineRole, string>> = { cash: 'cash', card: 'card', ewallet: 'ewallet' };

function analyse(lines: OcrLine[]) {
  const read = readReceiptLines(lines);
  const summaryAt = read.find((l) => l.role === 'summary')?.index ?? Infinity;
  // The footer (totals, tax, payment) starts at the first such line with an amount.
  const footerAt = read.find((l) => FOOTER_ROLES.includes(l.role) && l.amounts.length > 0)?.index ?? read.length;
  const items = extractItems(read, footerAt);
  const rawRounding = firstAmount(read, 'rounding', 0, summaryAt);
  const subtotal = firstAmount(read, 'subtotal', 0, summaryAt);
  const service = serviceCharge(read, subtotal, summaryAt).cents;
  const tax = taxCharge(read, subtotal, service, summaryAt);
  const evidence: TotalEvidence = {
    subtotal,
    tax: tax.cents,
    taxConfirmed: tax.confirmed,
    service,
    // Malaysian rounding is to 5 sen; anything bigger is a misread.
    rounding: rawRounding !== null && Math.abs(rawRounding) <= 5 ? rawRounding : null,
    cash: firstAmount(read, 'cash', footerAt),
    change: firstAmount(read, 'change', footerAt),
    cardPaid: firstAmount(read, 'card', footerAt) ?? firstAmount(read, 'ewallet', footerAt),
    itemsSum: items.length ? items.reduce((sum, i) => sum + i.cents, 0) : null,
    itemCount: items.length,
    roundsToFiveSen: read.some((l) => l.role === 'rounding' || (l.role === 'cash' && l.index >= footerAt)),
  };
  return { read, footerAt, items, evidence };
}

// Each other read's best score per amount, halved: support, not a second full vote.
function votesFrom(otherReads: OcrLine[][]): Map<number, number> {
  const votes = new Map<number, number>();
  for (const lines of otherReads) {
    const { read, evidence } = analyse(lines);
    for (const c of scoreTotals(read, evidence)) {
      if (c.score > 0 && !votes.has(c.cents)) votes.set(c.cents, c.score / 2);
    }
  }
  return votes;
}

// Reads the fields of a shop receipt from its OCR lines and scores how well they agree.
// `otherReads` are other OCR passes of the same photo, which vote on the total.
export function extractReceipt(lines: OcrLine[], today: Date = new Date(), otherReads: OcrLine[][] = []): ReceiptExtraction {
  const { read, footerAt, items, evidence } = analyse(lines);
  const total = chooseTotal(read, evidence, votesFrom(otherReads));
  const payment = read.find((l) => l.index >= footerAt && PAYMENT_ROLES[l.role]);
  const merchant = pickMerchant(lines);
  const address = merchant ? pickAddress(lines, merchant.index) : null;
  const date = pickDate(lines, today, otherReads);

  const checks: TotalChecks = total?.checks ?? { cashChange: null, breakdown: null, items: null };
  const confidence = total ? totalConfidence(total, checks, items.length) + (date ? 0.05 : 0) + (merchant ? 0.03 : 0) : 0;

  return {
    fields: {
      merchant: merchant?.name ?? null,
      address,
      date,
      total: total ? formatCents(total.cents) : null,
      currency: 'MYR',
      items: items.map(({ name, quantity, amount }) => ({ name, quantity, amount })),
      subtotal: evidence.subtotal !== null ? formatCents(evidence.subtotal) : null,
      tax: evidence.tax !== null ? formatCents(evidence.tax) : null,
      rounding: evidence.rounding !== null ? formatCents(evidence.rounding) : null,
      receiptNumber: pickReceiptNumber(lines),
      paymentMethod: payment ? PAYMENT_ROLES[payment.role]! : null,
      cash: evidence.cash !== null ? formatCents(evidence.cash) : null,
      change: evidence.change !== null ? formatCents(evidence.change) : null,
    },
    confidence: Math.max(0, Math.min(1, Math.round(confidence * 100) / 100)),
    checks,
  };
}
