import { parseMyKad } from '@/lib/mykad';
import type { IcCardFields, OcrLine } from './types';

export interface IcCardExtraction {
  fields: IcCardFields;
  confidence: number;
  // Printed in the card's 6-2-4 form with dashes, as a MyKad shows it (registration numbers
  // on receipts are twelve digits in a row).
  dashed: boolean;
}

// Letters OCR gives for digits inside a number.
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', I: '1', l: '1', '|': '1', i: '1', Z: '2', S: '5', s: '5', B: '8', G: '6', b: '6', T: '7' };

// 6-2-4 digits with dashes or spaces, or 12 in a row, where a few digits may be letters.
const NUMBER = /(?<![\dA-Za-z])([\dOoDQIl|iZSsBGbT]{6})\s*[-–—~.]?\s*([\dOoDQIl|iZSsBGbT]{2})\s*[-–—~.]?\s*([\dOoDQIl|iZSsBGbT]{4})(?![\dA-Za-z])/g;

const toDigits = (s: string) => [...s].map((ch) => DIGIT_LOOKALIKES[ch] ?? ch).join('');

// Words printed on a MyKad that are never part of the holder's name.
const CARD_WORDS = /\b(KAD|PENGENALAN|MALAYSIA|MYKAD|IDENTITY|CARD|WARGANEGARA|LELAKI|PEREMPUAN|ISLAM|BUDDHA|HINDU|KRISTIAN|CHRISTIAN)\b/g;
const ADDRESS_START = /^(NO\.?|LOT|BLOK|BLOCK|JALAN|JLN|KG|KAMPUNG|TAMAN|LORONG|UNIT|A-?\d|\d)/i;
const NAME_JOINERS = /^(BIN|BINTI|BT|BTE|A\/L|A\/P|AL|AP|@)\b/i;
const ENDS_WITH_JOINER = /\b(BIN|BINTI|BT|BTE|A\/L|A\/P|@)$/i;

function nameLike(text: string): string | null {
  const cleaned = text
    .toUpperCase()
    .replace(CARD_WORDS, ' ')
    .replace(/[^A-Z@/'.\s-]/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  const words = cleaned.split(' ').filter((w) => /[A-Z]{2,}/.test(w) || NAME_JOINERS.test(w));
  if (words.length < 1 || ADDRESS_START.test(text.trim())) return null;
  const letters = text.replace(/[^A-Za-z]/g, '').length;
  if (letters < 4 || letters / text.replace(/\s/g, '').length < 0.75) return null;
  return words.join(' ');
}

// The holder's name sits under the number (OCR may put a stray line in between): one line,
// or two when it continues with BIN/BINTI/A/L/A/P. The address that follows starts with a
// house or lot number.
function nameAfter(lines: OcrLine[], from: number): string | null {
  for (let at = from; at < Math.min(lines.length, from + 3); at++) {
    const first = nameLike(lines[at]!.text);
    if (!first) continue;
    const next = lines[at + 1];
    const second = next ? nameLike(next.text) : null;
    if (second && (NAME_JOINERS.test(second) || ENDS_WITH_JOINER.test(first))) return `${first} ${second}`;
    if (first.split(' ').length >= 2) return first;
  }
  return null;
}

// Reads a MyKad photo's text: the first number that is a valid MyKad (date of birth and
// place code checked by lib/mykad), and the name printed below it.
export function extractIcCard(lines: OcrLine[], today: Date = new Date()): IcCardExtraction | null {
  for (const [index, line] of lines.entries()) {
    for (const match of line.text.matchAll(NUMBER)) {
      const digits = toDigits(`${match[1]}${match[2]}${match[3]}`);
      if (!/^\d{12}$/.test(digits)) continue;
      const parsed = parseMyKad(digits, today);
      if (!parsed.ok) continue;
      const { icNumber, dateOfBirth, gender, state } = parsed.value;
      const name = nameAfter(lines, index + 1);
      // Dashes printed where a MyKad has them, and letters we had to read as digits, say how
      // sure the match is; the OCR's own line confidence does the rest.
      const dashed = /-/.test(match[0]);
      const guessed = [...`${match[1]}${match[2]}${match[3]}`].filter((ch) => !/\d/.test(ch)).length;
      let confidence = 0.55 + (dashed ? 0.15 : 0) + (name ? 0.15 : 0) - guessed * 0.1;
      confidence *= 0.7 + 0.3 * line.confidence;
      return {
        fields: { icNumber, name, dateOfBirth, gender, state },
        confidence: Math.max(0, Math.min(1, Math.round(confidence * 100) / 100)),
        dashed,
      };
    }
  }
  return null;
}
