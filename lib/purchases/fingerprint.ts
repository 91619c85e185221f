import { createHash } from 'node:crypto';
import { toCents } from './money';

// What counts as "the same receipt" (purchases.receipt_fingerprint, unique per tenant):
// - With a receipt number: the same merchant, day, total and receipt number — whoever sends it,
//   so a second customer cannot claim a receipt that is already in.
// - A receipt photo without a number: the same merchant, day and total from the same customer
//   (a receipt sent again, or photographed twice). Two customers may well buy the same kopi
//   on the same day, so without a number other customers are not compared.
// - Anything else (a POS, a manual entry or an import without a receipt number) has no
//   fingerprint: two identical coffees on one day are two purchases. Retries of those are
//   caught by the Idempotency-Key instead.
// Merchant names and receipt numbers are compared normalised (case, accents, spacing,
// punctuation, company suffixes), so OCR and typing variations of one receipt match.

const COMPANY_SUFFIXES = /\b(SENDIRIAN BERHAD|SDN BHD|BERHAD|BHD|PLT|LLP|PTE LTD|LTD|CO)\b/g;

export function normalizeMerchant(merchant: string | null | undefined): string {
  if (!merchant) return '';
  return (
    merchant
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toUpperCase()
      // Registration numbers, "(M)" and other bracketed notes are not part of the name.
      .replace(/\([^)]*\)/g, ' ')
      .replace(/[.&,'’]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .replace(/\bSDN\s+BHD\b/g, 'SDN BHD')
      .replace(COMPANY_SUFFIXES, ' ')
      .replace(/\s+/g, '')
  );
}

export function normalizeReceiptNumber(receiptNumber: string | null | undefined): string {
  if (!receiptNumber) return '';
  return receiptNumber
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface FingerprintInput {
  customerId: string;
  source: 'receipt' | 'manual' | 'api' | 'import';
  merchant: string | null;
  date: string;
  total: string;
  receiptNumber: string | null;
}

export function receiptFingerprint(input: FingerprintInput): string | null {
  const receiptNumber = normalizeReceiptNumber(input.receiptNumber);
  if (!receiptNumber && input.source !== 'receipt') return null;
  const who = receiptNumber ? `no:${receiptNumber}` : `customer:${input.customerId}`;
  const key = ['v1', normalizeMerchant(input.merchant), input.date, String(toCents(input.total)), who].join('|');
  return createHash('sha256').update(key).digest('hex');
}
