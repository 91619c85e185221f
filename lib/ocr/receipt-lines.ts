import { compactLetters, containsAny, containsPhrase } from './keywords';
import { type MoneyToken, findMoney } from './money';
import type { OcrLine } from './types';

export type LineRole =
  | 'count'
  | 'subtotal'
  | 'total'
  | 'tax'
  | 'rounding'
  | 'change'
  | 'cash'
  | 'card'
  | 'ewallet'
  | 'discount'
  | 'service'
  | 'summary'
  | 'other';

export interface ReceiptLine {
  index: number;
  text: string;
  // The words before the first amount, as compact upper-case letters.
  label: string;
  amounts: MoneyToken[];
  role: LineRole;
  // How sure the label makes us that this line carries the amount payable (0–3).
  totalStrength: number;
  confidence: number;
  height: number | null;
}

// Each list is English then Malay. Order of the checks below matters: the narrow phrases
// ("SUBTOTAL", "TOTAL QTY", "TOTAL TAX") are ruled out before the broad "TOTAL".
const COUNT = ['TOTAL QTY', 'TOTAL QUANTITY', 'TOTAL ITEM', 'NO OF ITEM', 'ITEM COUNT', 'QTY TOTAL', 'TOTAL PCS', 'JUMLAH BARANG', 'JUMLAH ITEM', 'JUMLAH KUANTITI', 'BIL BARANG'];
const SUBTOTAL = ['SUBTOTAL', 'SUB TOTAL', 'TOTAL BEFORE', 'TOTAL EXCL', 'EXCLUDING GST', 'EXCLUDING SST', 'TOTAL EX', 'JUMLAH KECIL', 'JUMLAH SEBELUM'];
const INCLUSIVE = ['INCL', 'INCLUSIVE', 'TERMASUK'];
const TAX = ['GST', 'SST', 'TAX', 'CUKAI', 'SERVICE TAX', 'SALES TAX'];
const ROUNDING = ['ROUNDING', 'ROUND ADJ', 'ROUNDING ADJ', 'ADJUSTMENT', 'PENGGENAPAN', 'PELARASAN'];
const CHANGE = ['CHANGE', 'BAKI', 'CHG', 'KEMBALIAN', 'WANG BAKI'];
const CASH = ['CASH', 'TUNAI', 'TENDERED', 'TENDER', 'PAYMENT', 'AMOUNT PAID', 'PAID', 'DIBAYAR', 'BAYARAN'];
const NOT_CASH = ['CASHIER', 'CASH BILL', 'CASH SALE', 'CASH RECEIPT', 'CASH INVOICE', 'CASH AND CARRY', 'CASH & CARRY'];
const CARD = ['VISA', 'MASTERCARD', 'MASTER CARD', 'CREDIT CARD', 'DEBIT CARD', 'CARD', 'KAD KREDIT', 'KAD DEBIT', 'AMEX', 'MYDEBIT', 'UNIONPAY'];
const EWALLET = ['TOUCH N GO', 'TNG', 'EWALLET', 'E-WALLET', 'GRABPAY', 'BOOST', 'SHOPEEPAY', 'DUITNOW', 'QR PAY', 'MAE'];
const DISCOUNT = ['DISCOUNT', 'DISKAUN', 'SAVING', 'VOUCHER', 'PROMOTION', 'POTONGAN'];
const SERVICE = ['SERVICE CHARGE', 'SVC CHARGE', 'SVC CHG', 'CAJ PERKHIDMATAN', 'CAJ SERVIS'];
const SUMMARY = ['SUMMARY', 'RINGKASAN', 'TAX CODE', 'KOD CUKAI'];
const STRONG_TOTAL = [
  'GRAND TOTAL', 'TOTAL PAYABLE', 'AMOUNT PAYABLE', 'NETT TOTAL', 'NET TOTAL', 'ROUNDED TOTAL', 'TOTAL DUE', 'AMOUNT DUE',
  'BALANCE DUE', 'TOTAL AMOUNT', 'TOTAL SALES', 'TOTAL RM', 'JUMLAH BESAR', 'JUMLAH BERSIH', 'JUMLAH PERLU DIBAYAR',
  'JUMLAH KESELURUHAN', 'JUMLAH BAYARAN', 'JUMLAH RM', 'AMAUN PERLU DIBAYAR',
];
const TOTAL = ['TOTAL', 'JUMLAH', 'NETT', 'AMOUNT'];

function roleOf(labelText: string): { role: LineRole; totalStrength: number } {
  const has = (phrases: readonly string[]) => containsAny(labelText, phrases);
  const label = compactLetters(labelText);
  if (!label) return { role: 'other', totalStrength: 0 };
  if (has(COUNT)) return { role: 'count', totalStrength: 0 };
  const mentionsTotal = has(['TOTAL', 'JUMLAH']);
  if (mentionsTotal && has(INCLUSIVE) && !has(['TOTAL TAX', 'TOTAL GST', 'TOTAL SST'])) return { role: 'total', totalStrength: 3 };
  if (has(SUBTOTAL)) return { role: 'subtotal', totalStrength: 0 };
  if (has(SERVICE)) return { role: 'service', totalStrength: 0 };
  if (has(SUMMARY)) return { role: 'summary', totalStrength: 0 };
  if (has(['TOTAL TAX', 'TOTAL GST', 'TOTAL SST', 'JUMLAH CUKAI']) || (!mentionsTotal && has(TAX))) return { role: 'tax', totalStrength: 0 };
  if (has(ROUNDING) && !mentionsTotal) return { role: 'rounding', totalStrength: 0 };
  if (has(CHANGE) || (containsPhrase(labelText, 'BALANCE') && !has(['BALANCE DUE']))) return { role: 'change', totalStrength: 0 };
  if (has(DISCOUNT)) return { role: 'discount', totalStrength: 0 };
  if (has(STRONG_TOTAL) || (mentionsTotal && has(ROUNDING))) return { role: 'total', totalStrength: 3 };
  if (has(TOTAL)) return { role: 'total', totalStrength: label.length <= 12 ? 2 : 1.5 };
  if (has(CASH) && !has(NOT_CASH)) return { role: 'cash', totalStrength: 0 };
  if (has(EWALLET)) return { role: 'ewallet', totalStrength: 0 };
  if (has(CARD)) return { role: 'card', totalStrength: 0 };
  return { role: 'other', totalStrength: 0 };
}

// An amount printed on the line under its label (two-column layouts the OCR split apart).
const amountOnly = (line: OcrLine) => findMoney(line.text).length > 0 && !/[A-Za-z]{2}/.test(line.text.replace(/RM/g, ''));

const BARE_AMOUNT_ROLES: LineRole[] = ['subtotal', 'total', 'tax', 'rounding', 'service', 'discount'];

// A labelled footer line's amount whose decimal point the OCR lost: "Rounding -0 01",
// "Total GST   308", "ROUNDING  000", "CHANGE  U.00". Receipts print every amount with two
// decimals, so the last two digits are the sen.
function looseAmount(text: string, role: LineRole): MoneyToken[] {
  const spaced = /(?<![\d.,])(-?)\s?(\d{1,5}) (\d{2})\s*$/.exec(text);
  if (spaced) {
    const cents = Number(spaced[2]) * 100 + Number(spaced[3]);
    return [{ cents: spaced[1] ? -cents : cents, start: spaced.index, end: text.length }];
  }
  // "U.00", "O.50": a zero read as a letter in front of the point.
  const zero = /(?<![A-Za-z\d])[UOo][.,](\d{2})\s*$/.exec(text);
  if (zero) return [{ cents: Number(zero[1]), start: zero.index, end: text.length }];
  // Three to six digits alone at the end of a figures line, "308" or "5142": the point was
  // lost. Not on payment lines, where a garbled amount ("CASH 700" for 180.00) is as likely.
  if (!BARE_AMOUNT_ROLES.includes(role)) return [];
  const bare = /(?<![\d.,:/A-Za-z-])(-?)(\d{3,6})\s*$/.exec(text);
  if (!bare) return [];
  const cents = Number(bare[2]);
  return [{ cents: bare[1] ? -cents : cents, start: bare.index, end: text.length }];
}

export function readReceiptLines(lines: OcrLine[]): ReceiptLine[] {
  const out: ReceiptLine[] = [];
  lines.forEach((line, index) => {
    const found = findMoney(line.text);
    const { role, totalStrength } = roleOf(found.length ? line.text.slice(0, found[0]!.start) : line.text);
    // A labelled footer line whose amount lost its decimal point ("Rounding -0 01").
    const amounts = found.length || role === 'other' || role === 'count' ? found : looseAmount(line.text, role);
    const label = compactLetters(amounts.length ? line.text.slice(0, amounts[0]!.start) : line.text);
    const next = lines[index + 1];
    const borrowed = amounts.length === 0 && role !== 'other' && next && amountOnly(next) ? findMoney(next.text) : [];
    out.push({
      index,
      text: line.text,
      label,
      amounts: amounts.length ? amounts : borrowed,
      role,
      totalStrength,
      confidence: line.confidence,
      height: line.box ? line.box.y1 - line.box.y0 : null,
    });
  });
  return out;
}

// The amount a labelled line carries: the right-most one.
export const lineAmount = (line: ReceiptLine): number | null => line.amounts.at(-1)?.cents ?? null;
