import { findDates } from './dates';
import { containsAny } from './keywords';
import type { OcrLine } from './types';

const DATE_LABEL = /\b(DATE|TARIKH|TRKH|TKH|DT)\b/i;
const NOT_PURCHASE_DATE = ['EXPIRY', 'EXPIRE', 'VALID', 'BEFORE', 'LUPUT', 'TAMAT', 'SAH SEHINGGA', 'PRINTED', 'DICETAK'];

// Every date on the receipt with how likely it is the purchase date: labelled, printed with
// its time, near the top, and not an expiry date.
function scoreDates(lines: OcrLine[], today: Date): Map<string, number> {
  const scores = new Map<string, number>();
  for (const [index, line] of lines.entries()) {
    for (const token of findDates(line.text, today)) {
      let score = 1 - (index / Math.max(lines.length, 1)) * 0.5;
      if (DATE_LABEL.test(line.text)) score += 2;
      // A purchase date is usually printed with its time.
      if (/\b\d{1,2}:\d{2}\b/.test(line.text)) score += 0.5;
      if (containsAny(line.text, NOT_PURCHASE_DATE)) score -= 3;
      scores.set(token.iso, Math.max(scores.get(token.iso) ?? -Infinity, score));
    }
  }
  return scores;
}

const compact = (iso: string) => iso.replaceAll('-', '');

// Tills often number their documents from the date ("Invoice No: 2018030610100030493"). A
// date read with one digit wrong (2016 for 2018) is corrected by such a number; a number that
// is further from the printed date is something else.
function correctFromDocumentNumber(iso: string, lines: OcrLine[], today: Date): string {
  const printed = compact(iso);
  for (const line of lines) {
    for (const run of line.text.match(/\d{8,}/g) ?? []) {
      for (let i = 0; i + 8 <= run.length; i++) {
        const digits = run.slice(i, i + 8);
        if ([...digits].filter((ch, k) => ch !== printed[k]).length !== 1) continue;
        const found = findDates(`${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`, today)[0];
        if (found) return found.iso;
      }
    }
  }
  return iso;
}

// The purchase date. Other OCR reads of the same photo vote (half weight each), so a date one
// read garbled is still found, and one both reads agree on wins.
export function pickDate(lines: OcrLine[], today: Date, otherReads: OcrLine[][] = []): string | null {
  const scores = scoreDates(lines, today);
  for (const other of otherReads) {
    for (const [iso, score] of scoreDates(other, today)) scores.set(iso, (scores.get(iso) ?? 0) + score / 2);
  }
  let best: { iso: string; score: number } | null = null;
  for (const [iso, score] of scores) if (!best || score > best.score) best = { iso, score };
  return best ? correctFromDocumentNumber(best.iso, lines, today) : null;
}
