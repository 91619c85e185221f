import { formatCents } from './money';
import type { ReceiptLine } from './receipt-lines';
import type { ReceiptItem } from './types';

export interface ExtractedItem extends ReceiptItem {
  cents: number;
  line: number;
}

// "2 x 3.98", "2 @ 3.98", "2X3.98": a quantity times a unit price.
const QTY_TIMES = /(?<![\d.])(\d{1,3})\s*(?:[xX×*@]|PC|PCS|UNIT)\s*\*?\s*(?:RM\s?)?\d+\.\d{2,3}/;
// "2 KUBIS BULAT", "1x MINYAK": a quantity leading the name.
const QTY_FIRST = /^\s*(\d{1,3})\s*[xX]?\s+(?=[A-Za-z])/;
// "MILO AIS   2   7.00" or "MILO AIS 2 3.50 7.00": a quantity column before the amount(s).
const QTY_COLUMN = /[A-Za-z)]\s+(\d{1,3})\s+(?:RM\s?)?(?:\d+\.\d{2,3}\s+)?(?:RM\s?)?-?\d+\.\d{2}\s*[A-Z*]?\s*$/;

const HEADER_WORDS = /\b(TEL|FAX|GST|SST|REG|DATE|TARIKH|TIME|MASA|CASHIER|JURUWANG|COUNTER|TABLE|MEJA|INVOICE|RECEIPT|RESIT|RCPT|ITEM|QTY|PRICE|AMOUNT|HARGA|KUANTITI|MEMBER|POS|TERMINAL|SERVER|PAX|BILL|DOC)\b/i;
// The shop's address: "NO. 55,57 & 59, JALAN SAGU 18" holds no amount.
const ADDRESS_WORDS = /\b(JALAN|JLN|TAMAN|TMN|LORONG|LRG|PERSIARAN|BANDAR|KAWASAN)\b/i;

const letterCount = (text: string) => (text.match(/[A-Za-z]/g) ?? []).length;

function cleanName(text: string): string {
  return text
    .replace(QTY_FIRST, '')
    .replace(/\b\d{8,}\b/g, ' ') // barcodes
    .replace(/(?<![\w.])\d+\.\d{2,3}(?![\w.])/g, ' ') // unit prices
    .replace(/^\s*(SR|ZR|TX|ES|OS)\s+/i, '') // GST codes in front of the name
    .replace(/[|_~=*]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function quantityOf(text: string): number {
  const match = QTY_TIMES.exec(text) ?? QTY_COLUMN.exec(text) ?? QTY_FIRST.exec(text);
  const qty = match ? Number(match[1]) : 1;
  return qty >= 1 && qty <= 999 ? qty : 1;
}

// Item lines sit between the header and the first subtotal/total line: a name and an amount
// at the end, or a name on one line with "qty @ price   amount" on the next.
export function extractItems(lines: ReceiptLine[], endIndex: number): ExtractedItem[] {
  const items: ExtractedItem[] = [];
  let pendingName: string | null = null;
  for (const line of lines.slice(0, endIndex)) {
    const amount = line.amounts.at(-1);
    const labelText = line.text.slice(0, line.amounts[0]?.start ?? line.text.length);
    if (line.role !== 'other') {
      pendingName = null;
      continue;
    }
    if (!amount) {
      // A name waiting for its amount on the next line; header lines are not names.
      pendingName = letterCount(line.text) >= 3 && !HEADER_WORDS.test(line.text) && !/\d{2}[:/-]\d{2}/.test(line.text) ? cleanName(line.text) : null;
      continue;
    }
    if (HEADER_WORDS.test(labelText) || ADDRESS_WORDS.test(line.text) || amount.cents <= 0) {
      pendingName = null;
      continue;
    }
    // What is left of the line without its amount, quantities and unit prices is the name.
    const withoutAmount = `${line.text.slice(0, amount.start)} ${line.text.slice(amount.end).replace(/^\s*[A-Z*]{0,2}\s*$/, '')}`;
    const ownName = cleanName(withoutAmount.replace(QTY_TIMES, ' ').replace(/\s+\d{1,3}\s*$/, ''));
    const name = letterCount(ownName) >= 3 ? ownName : pendingName;
    pendingName = null;
    if (!name) continue;
    items.push({ name, quantity: quantityOf(line.text), amount: formatCents(amount.cents), cents: amount.cents, line: line.index });
  }
  return items;
}
