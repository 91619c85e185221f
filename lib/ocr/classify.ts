import { findDates } from './dates';
import { containsPhrase } from './keywords';
import { findMoney } from './money';
import type { DocumentKind, OcrLine } from './types';

export interface Classification {
  kind: DocumentKind;
  // 0..1: how clearly the text is one kind and not the other.
  confidence: number;
  scores: { icCard: number; receipt: number };
}

const IC_PHRASES: Array<[string, number]> = [
  ['KAD PENGENALAN', 2],
  ['MYKAD', 2],
  ['IDENTITY CARD', 2],
  ['WARGANEGARA', 1],
  ['LELAKI', 1],
  ['PEREMPUAN', 1],
];
const RECEIPT_PHRASES = [
  'TOTAL', 'SUBTOTAL', 'JUMLAH', 'CASH', 'TUNAI', 'CHANGE', 'BAKI', 'ROUNDING', 'GST', 'SST', 'RECEIPT', 'RESIT',
  'INVOICE', 'QTY', 'CASHIER', 'JURUWANG', 'THANK YOU', 'TERIMA KASIH', 'AMOUNT', 'PAYMENT',
];

// Decides between a MyKad and a shop receipt from what the text says. `myKadNumber` is how
// extraction found a valid MyKad number: in the card's dashed form it is the strongest single
// sign of a card; twelve digits in a row may as well be a company number on a receipt.
export function classifyDocument(lines: OcrLine[], myKadNumber: 'dashed' | 'plain' | null): Classification {
  const text = lines.map((l) => l.text).join('\n');
  let icCard = myKadNumber === 'dashed' ? 3 : myKadNumber === 'plain' ? 1.5 : 0;
  for (const [phrase, weight] of IC_PHRASES) if (containsPhrase(text, phrase)) icCard += weight;

  const moneyCount = lines.reduce((n, l) => n + findMoney(l.text).length, 0);
  const keywordHits = RECEIPT_PHRASES.filter((p) => containsPhrase(text, p)).length;
  const hasDate = lines.some((l) => findDates(l.text).length > 0);
  const receipt = Math.min(3, moneyCount * 0.3) + Math.min(3, keywordHits * 0.5) + (hasDate ? 0.5 : 0);

  const scores = { icCard, receipt: Math.round(receipt * 10) / 10 };
  const [kind, best, other]: [DocumentKind, number, number] =
    icCard >= 3 && icCard >= receipt ? ['ic_card', icCard, receipt] : receipt >= 2 ? ['receipt', receipt, icCard] : ['unknown', Math.max(icCard, receipt), 0];
  const confidence = kind === 'unknown' ? 0 : Math.min(0.99, best / (best + other + 1.5));
  return { kind, confidence: Math.round(confidence * 100) / 100, scores };
}
