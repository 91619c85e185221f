import { type ReceiptLine, lineAmount } from './receipt-lines';

// What the rest of the receipt says the total should be.
export interface TotalEvidence {
  subtotal: number | null;
  tax: number | null;
  service: number | null;
  rounding: number | null;
  cash: number | null;
  change: number | null;
  cardPaid: number | null;
  itemsSum: number | null;
  itemCount: number;
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
  cents: number;
  line: number | null;
  labelStrength: number;
  confidence: number;
  checks: TotalChecks;
}

function sums(base: number | null, e: TotalEvidence): number[] {
  if (base === null) return [];
  const extra = (e.tax ?? 0) + (e.service ?? 0);
  return [base + extra + (e.rounding ?? 0), base + extra];
}

export function checksFor(value: number, e: TotalEvidence): TotalChecks {
  const cashChange = e.cash !== null && e.change !== null ? e.cash - e.change === value : null;
  const breakdown = e.subtotal !== null && (e.tax !== null || e.rounding !== null || e.service !== null) ? sums(e.subtotal, e).includes(value) : null;
  const items = e.itemCount > 0 ? sums(e.itemsSum, e).includes(value) || e.itemsSum === value : null;
  return { cashChange, breakdown, items };
}

// Agreeing figures add to a candidate's score; a figure that could be checked and disagrees
// takes a little away, since a misread is as likely there as on the total line.
function evidenceScore(value: number, e: TotalEvidence): number {
  const c = checksFor(value, e);
  let score = 0;
  if (c.cashChange) score += 3;
  else if (c.cashChange === false) score -= 1;
  else if (e.change === null && e.cash === value) score += 1;
  if (e.cardPaid === value) score += 1.5;
  if (c.breakdown) score += 2;
  else if (c.breakdown === false) score -= 0.75;
  else if (e.subtotal === value) score += 0.5;
  if (c.items) score += e.itemCount >= 2 ? 2 : 1;
  // Cash totals are rounded to 5 sen; with a rounding line printed, the amount paid is one.
  if (e.rounding !== null && value % 5 !== 0) score -= 1;
  return score;
}

// Picks the amount payable: every amount on a line labelled as a total is a candidate, and so
// are the sums the receipt implies (cash − change, subtotal + tax + rounding); each scores its
// label's strength plus every independent figure that agrees with it.
export function chooseTotal(lines: ReceiptLine[], e: TotalEvidence): TotalChoice | null {
  const summaryAt = lines.find((l) => l.role === 'summary')?.index ?? Infinity;
  const heights = lines.flatMap((l) => (l.height ? [l.height] : [])).sort((a, b) => a - b);
  const typical = heights[heights.length >> 1] ?? 0;
  const occurrences = new Map<number, number>();
  for (const line of lines) for (const a of line.amounts) occurrences.set(a.cents, (occurrences.get(a.cents) ?? 0) + 1);

  const candidates: Array<{ cents: number; line: number | null; label: number; score: number; confidence: number }> = [];
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
  ];
  for (const cents of derived) {
    if (cents !== null && cents > 0 && !candidates.some((c) => c.cents === cents)) candidates.push({ cents, line: null, label: 0, score: 0, confidence: 0.5 });
  }
  if (candidates.length === 0) return null;
  for (const c of candidates) {
    const repeats = Math.min(1.5, ((occurrences.get(c.cents) ?? 1) - 1) * 0.5);
    c.score = c.label + evidenceScore(c.cents, e) + repeats + c.confidence * 0.5;
  }
  // Equal scores: the later line, since a receipt's last total is the one after adjustments.
  candidates.sort((a, b) => b.score - a.score || (b.line ?? -1) - (a.line ?? -1));
  const best = candidates[0]!;
  if (best.label <= 0 && evidenceScore(best.cents, e) < 2) return null;
  return { cents: best.cents, line: best.line, labelStrength: Math.max(0, best.label), confidence: best.confidence, checks: checksFor(best.cents, e) };
}
