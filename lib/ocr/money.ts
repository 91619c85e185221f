// Money on receipts, held as integer sen so sums compare exactly.

export interface MoneyToken {
  cents: number;
  // Where the token starts and ends in the line.
  start: number;
  end: number;
}

// OCR misreads inside a number: letters that look like digits.
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', l: '1', I: '1', '|': '1', S: '5', B: '8', Z: '2' };

// An amount with exactly two decimals, optionally with RM/$, thousands commas, a sign in front
// or behind, or in brackets. A decimal comma or a space after the point are OCR slips.
const MONEY = /(\(?)(-\s?)?(?:(?:RM|\$)\s?)?(-\s?)?((?:\d{1,3}(?:,\d{3})+|\d+)[.,]\s?[0-9OoDQlISBZ|]{2})(?![\d.,]?\d)(-(?![-\d]))?(\)?)/g;

function toCents(body: string): number | null {
  const cleaned = body.replace(/\s/g, '');
  const decimalAt = Math.max(cleaned.lastIndexOf('.'), cleaned.lastIndexOf(','));
  const whole = cleaned.slice(0, decimalAt).replace(/,/g, '');
  const fraction = [...cleaned.slice(decimalAt + 1)].map((ch) => DIGIT_LOOKALIKES[ch] ?? ch).join('');
  if (!/^\d+$/.test(whole) || !/^\d{2}$/.test(fraction)) return null;
  const cents = Number(whole) * 100 + Number(fraction);
  return Number.isSafeInteger(cents) ? cents : null;
}

export function findMoney(line: string): MoneyToken[] {
  const tokens: MoneyToken[] = [];
  for (const m of line.matchAll(MONEY)) {
    const [, open, signBefore, signAfterCurrency, body, trailingMinus, close] = m;
    // A letter or digit right before means a code (AB12.30), unless a whole word lost its
    // space ("Rounded15.90"); "12." before means a date like 25.12.18.
    const before = line.slice(0, m.index);
    if ((/[A-Za-z0-9]$/.test(before) && !/(^|[^A-Za-z0-9])[A-Za-z]{3,}$/.test(before)) || /\d[.,]$/.test(before)) continue;
    const cents = toCents(body!);
    if (cents === null) continue;
    const negative = Boolean(signBefore || signAfterCurrency || trailingMinus || (open && close));
    tokens.push({ cents: negative ? -cents : cents, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
