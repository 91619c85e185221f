import { type ReceiptLine, lineAmount } from './receipt-lines';

// What the rest of the receipt says the total should be.
export interface TotalEvidence {
  subtotal: number | null;
  tax: number | null;
  // The tax agrees with its rate on the subtotal (see receipt-charges).
  taxConfirmed: boolean;
  service: number | null;
  rounding: number | null;
  cash: number | null;
  change: number | null;
  cardPaid: number | null;
  itemsSum: number | null;
  itemCount: number;
  // Paid in cash or a rounding line printed: the amount due is rounded to 5 sen.
  roundsToFiveSen: boolean;
}

export interface TotalChecks {
  // cash − change = total
  cashChange: boolean | null;
  // subtotal + tax + service charge + rounding = total
  breakdown: boolean | null;
  // items (+ tax, service charge, rounding) = total
  items: boolean | null;
}

export interface TotalChoice {
  // Whether another read of the photo came to the same amount.
  seconded: boolean;
  cents: number;
  line: number | null;
  labelStrength: number;
  confidence: number;
  checks: TotalChecks;
}

// Malaysian cash rounding: 1–2 sen down, 3–4 up to 5, 6–7 down to 5, 8–9 up.
const roundToFiveSen = (cents: number) => Math.round(cents / 5) * 5;

function sums(base: number | null, e: TotalEvidence): number[] {
  if (base === null) return [];
  const extra = (e.tax ?? 0) + (e.service ?? 0);
  const out = [base + extra + (e.rounding ?? 0), base + extra];
  // The rounding line's amount was not read: the rule gives it.
  if (e.rounding === null && e.roundsToFiveSen) out.push(roundToFiveSen(base + extra));
  return out;
}

function checksFor(value: number, e: TotalEvidence): TotalChecks {
  const cashChange = e.cash !== null && e.change !== null ? e.cash - e.change === value : null;
  const breakdown = e.subtotal !== null && (e.tax !== null || e.rounding !== null || e.service !== null) ? sums(e.subtotal, e).includes(value) : null;
  const items = e.itemCount > 0 ? sums(e.itemsSum, e).includes(value) || e.itemsSum === value : null;
  return { cashChange, breakdown, items };
}

// A subtotal and tax that agree with the tax rate, and a rounding line that is what the 5-sen
// rule gives on their sum, were all read right: their sum outweighs a total line.
function breakdownTrusted(e: TotalEvidence): boolean {
  if (!e.taxConfirmed || e.subtotal === null || e.tax === null) return false;
  const due = e.subtotal + e.tax + (e.service ?? 0);
  return e.rounding === null || roundToFiveSen(due) - due === e.rounding;
}

// Agreeing figures add to a candidate's score; a figure that could be checked and disagrees
// takes a little away, since a misread is as likely there as on the total line.
function evidenceScore(value: number, e: TotalEvidence): number {
  const c = checksFor(value, e);
  let score = 0;
  // Cash with no change is the total printed twice, a second reading more than a check.
  if (c.cashChange) score += e.change === 0 ? 2 : 3;
  else if (c.cashChange === false) score -= 1;
  else if (e.change === null && e.cash === value) score += 1;
  if (e.cardPaid === value) score += 1.5;
  if (c.breakdown) score += breakdownTrusted(e) ? 3 : 2;
  else if (c.breakdown === false) score -= 0.75;
  else if (e.subtotal === value) score += 0.5;
  if (c.items) score += e.itemCount >= 2 ? 2 : 1;
  // Cash totals are rounded to 5 sen; with a rounding line or a cash payment, the amount
  // paid is a multiple of 5 sen.
  if (e.roundsToFiveSen && value % 5 !== 0) score -= 1;
  // Tax and service charge add a fraction to the subtotal: a total several times it is a
  // misread (a stray digit in front), though the subtotal may be the misread one.
  if (e.subtotal !== null && e.subtotal > 0 && (value > e.subtotal * 3 || value * 3 < e.subtotal)) score -= 2;
  return score;
}

const MISREAD_SUPPORT = 0.5;

// Whether two amounts' digits differ by one edit: one digit misread, lost or added.
function oneDigitApart(a: number, b: number): boolean {
  const [x, y] = [String(Math.abs(a)), String(Math.abs(b))];
  if (x === y || Math.abs(x.length - y.length) > 1) return false;
  if (x.length === y.length) return [...x].filter((ch, i) => ch !== y[i]).length === 1;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return [...long].some((_, i) => long.slice(0, i) + long.slice(i + 1) === short);
}

export interface ScoredTotal {
  cents: number;
  line: number | null;
  label: number;
  confidence: number;
  score: number;
}

// Every amount on a line labelled as a total is a candidate, and so are the sums the receipt
// implies (cash − change, subtotal + tax + rounding); each scores its label's strength plus
// every independent figure that agrees with it. Best first.
export function scoreTotals(lines: ReceiptLine[], e: TotalEvidence): ScoredTotal[] {
  const summaryAt = lines.find((l) => l.role === 'summary')?.index ?? Infinity;
  const heights = lines.flatMap((l) => (l.height ? [l.height] : [])).sort((a, b) => a - b);
  const typical = heights[heights.length >> 1] ?? 0;
  const occurrences = new Map<number, number>();
  for (const line of lines) for (const a of line.amounts) occurrences.set(a.cents, (occurrences.get(a.cents) ?? 0) + 1);

  const candidates: ScoredTotal[] = [];
  for (const line of lines) {
    const cents = lineAmount(line);
    if (line.role !== 'total' || cents === null || cents <= 0) continue;
    let label = line.totalStrength;
    if (line.amounts.length >= 2) label -= 0.75;
    if (line.index > summaryAt) label -= 1.5;
    if (typical && line.height && line.height >= typical * 1.25) label += 0.5;
    candidates.push({ cents, line: line.index, label, score: 0, confidence: line.confidence });
  }
  const derived = [
    e.cash !== null && e.change !== null && e.cash > e.change ? e.cash - e.change : null,
    ...sums(e.subtotal, e),
    e.cardPaid,
    // Paid exactly, no change given.
    e.change === null || e.change === 0 ? e.cash : null,
  ];
  const labelled = candidates.map((c) => c.cents);
  for (const cents of derived) {
    if (cents === null || cents <= 0 || candidates.some((c) => c.cents === cents)) continue;
    // A total line that reads the same amount but for one digit (112.46 for 112.45, 718.00 for
    // 18.00) supports a sum the subtotal, tax and rounding vouch for: the other figures decide
    // which of the two was misread.
    const misread = breakdownTrusted(e) && labelled.some((l) => oneDigitApart(l, cents));
    candidates.push({ cents, line: null, label: 0, score: misread ? MISREAD_SUPPORT : 0, confidence: 0.5 });
  }
  for (const c of candidates) {
    const repeats = Math.min(1.5, ((occurrences.get(c.cents) ?? 1) - 1) * 0.5);
    c.score += c.label + evidenceScore(c.cents, e) + repeats + c.confidence * 0.5;
  }
  // Equal scores: the later line, since a receipt's last total is the one after adjustments.
  return candidates.sort((a, b) => b.score - a.score || (b.line ?? -1) - (a.line ?? -1));
}

// Picks the amount payable. `votes` are other reads' scores for the same amounts (a second
// OCR pass of the photo): an amount two reads agree on is rarely a misread.
export function chooseTotal(lines: ReceiptLine[], e: TotalEvidence, votes: ReadonlyMap<number, number> = new Map()): TotalChoice | null {
  const candidates = scoreTotals(lines, e);
  const labelled = candidates.filter((c) => c.line !== null).map((c) => c.cents);
  for (const [cents] of votes) {
    if (candidates.some((c) => c.cents === cents)) continue;
    // Another read's total that this read's total line has one digit off (9.00 read as 9.60).
    const misread = labelled.some((l) => oneDigitApart(l, cents)) ? MISREAD_SUPPORT : 0;
    candidates.push({ cents, line: null, label: 0, confidence: 0.5, score: evidenceScore(cents, e) + 0.25 + misread });
  }
  const voted = candidates.map((c) => ({ ...c, score: c.score + (votes.get(c.cents) ?? 0) }));
  voted.sort((a, b) => b.score - a.score || (b.line ?? -1) - (a.line ?? -1));
  const best = voted[0];
  if (!best) return null;
  if (best.label <= 0 && evidenceScore(best.cents, e) + (votes.get(best.cents) ?? 0) < 2) return null;
  return {
    cents: best.cents,
    line: best.line,
    labelStrength: Math.max(0, best.label),
    confidence: best.confidence,
    checks: checksFor(best.cents, e),
    seconded: (votes.get(best.cents) ?? 0) > 0,
  };
}
