import { findDates } from './dates';
import { containsAny } from './keywords';
import { pickMerchant } from './merchant';
import { formatCents } from './money';
import { extractItems } from './receipt-items';
import { type LineRole, type ReceiptLine, lineAmount, readReceiptLines } from './receipt-lines';
import { type TotalChecks, type TotalEvidence, chooseTotal } from './receipt-total';
import type { OcrLine, ReceiptFields } from './types';

export interface ReceiptExtraction {
  fields: ReceiptFields;
  // 0..1: how far the figures can be trusted without a person checking them.
  confidence: number;
  checks: TotalChecks;
}

const DATE_LABEL = /\b(DATE|TARIKH|TRKH|TKH|DT)\b/i;
const NOT_PURCHASE_DATE = ['EXPIRY', 'EXPIRE', 'VALID', 'BEFORE', 'LUPUT', 'TAMAT', 'SAH SEHINGGA', 'PRINTED', 'DICETAK'];

function pickDate(lines: OcrLine[], today: Date): string | null {
  let best: { iso: string; score: number } | null = null;
  for (const [index, line] of lines.entries()) {
    for (const token of findDates(line.text, today)) {
      let score = 1 - (index / Math.max(lines.length, 1)) * 0.5;
      if (DATE_LABEL.test(line.text)) score += 2;
      // A purchase date is usually printed with its time.
      if (/\b\d{1,2}:\d{2}\b/.test(line.text)) score += 0.5;
      if (containsAny(line.text, NOT_PURCHASE_DATE)) score -= 3;
      if (!best || score > best.score) best = { iso: token.iso, score };
    }
  }
  return best?.iso ?? null;
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

const FOOTER_ROLES: LineRole[] = ['subtotal', 'total', 'tax', 'rounding', 'service', 'cash', 'change'];
const PAYMENT_ROLES: Partial<Record<LineRole, string>> = { cash: 'cash', card: 'card', ewallet: 'ewallet' };

// Reads the fields of a shop receipt from its OCR lines and scores how well they agree.
export function extractReceipt(lines: OcrLine[], today: Date = new Date()): ReceiptExtraction {
  const read = readReceiptLines(lines);
  const summaryAt = read.find((l) => l.role === 'summary')?.index ?? Infinity;
  // The footer (totals, tax, payment) starts at the first such line with an amount.
  const footerAt = read.find((l) => FOOTER_ROLES.includes(l.role) && l.amounts.length > 0)?.index ?? read.length;
  const items = extractItems(read, footerAt);
  const rawRounding = firstAmount(read, 'rounding', 0, summaryAt);
  const evidence: TotalEvidence = {
    subtotal: firstAmount(read, 'subtotal', 0, summaryAt),
    tax: firstAmount(read, 'tax', 0, summaryAt),
    service: firstAmount(read, 'service', 0, summaryAt),
    // Malaysian rounding is to 5 sen; anything bigger is a misread.
    rounding: rawRounding !== null && Math.abs(rawRounding) <= 5 ? rawRounding : null,
    cash: firstAmount(read, 'cash', footerAt),
    change: firstAmount(read, 'change', footerAt),
    cardPaid: firstAmount(read, 'card', footerAt) ?? firstAmount(read, 'ewallet', footerAt),
    itemsSum: items.length ? items.reduce((sum, i) => sum + i.cents, 0) : null,
    itemCount: items.length,
  };
  const total = chooseTotal(read, evidence);
  const payment = read.find((l) => l.index >= footerAt && PAYMENT_ROLES[l.role]);
  const merchant = pickMerchant(lines);
  const date = pickDate(lines, today);

  const checks: TotalChecks = total?.checks ?? { cashChange: null, breakdown: null, items: null };
  const verdicts = [checks.cashChange, checks.breakdown, checks.items].filter((v) => v !== null);
  const agree = verdicts.filter(Boolean).length;
  const disagree = verdicts.length - agree;
  let confidence = 0;
  if (total) {
    confidence = (total.line !== null ? 0.3 + 0.1 * Math.min(3, total.labelStrength) : 0.2) + Math.min(0.4, 0.2 * agree) - 0.1 * disagree;
    if (date) confidence += 0.1;
    if (merchant) confidence += 0.05;
    confidence *= 0.7 + 0.3 * total.confidence;
  }

  return {
    fields: {
      merchant,
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
