import { createHash, createHmac } from 'node:crypto';

// The published draw procedure (README "Contests → The draw"): anyone holding the entry list
// and the seed can re-run it and must get the same winners.
//
// 1. E = the ids of the valid entries (disqualified ones excluded), sorted ascending as text.
// 2. commitment = hex(sha256(E joined by "\n" + "\n" + seed)); the seed is 64 hex characters
//    (32 bytes from the CSPRNG). It is recorded before any winner is picked.
// 3. Prize slots in the contest's order, each prize repeated by its quantity. For each slot,
//    while entries remain: n = entries left; x = the first 4 bytes (big-endian) of
//    HMAC-SHA256(key = seed bytes, message = counter as decimal text), counter += 1; x is
//    rejected (draw again) when x ≥ 2^32 − (2^32 mod n), so every index is equally likely;
//    the winner is entries[x mod n]. It leaves the list, and with one prize per customer so
//    do all the customer's other entries.

export interface DrawEntry {
  id: string;
  customerId: string;
}

export interface DrawWinner {
  entryId: string;
  customerId: string;
  prize: string;
}

export interface DrawPrize {
  name: string;
  quantity: number;
}

const RANGE = 2 ** 32;

export function sortedEntryIds(entries: readonly DrawEntry[]): string[] {
  return entries.map((e) => e.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function drawCommitment(entryIds: readonly string[], seed: string): string {
  const sorted = [...entryIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(`${sorted.join('\n')}\n${seed}`).digest('hex');
}

function isSeed(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}

// Uniform index in [0, n) from the seed's HMAC stream, starting at `counter`.
export function uniformIndex(seed: string, n: number, counter: number): { index: number; counter: number } {
  if (n < 1 || n > RANGE) throw new Error(`cannot draw from ${n} entries`);
  const key = Buffer.from(seed, 'hex');
  const limit = RANGE - (RANGE % n);
  for (let c = counter; ; c += 1) {
    const x = createHmac('sha256', key).update(String(c)).digest().readUInt32BE(0);
    if (x < limit) return { index: x % n, counter: c + 1 };
  }
}

export function pickWinners(entries: readonly DrawEntry[], prizes: readonly DrawPrize[], seed: string, options: { onePrizePerCustomer: boolean }): DrawWinner[] {
  if (!isSeed(seed)) throw new Error('the seed must be 64 hex characters');
  const byId = new Map(entries.map((e) => [e.id, e]));
  let pool = sortedEntryIds(entries).map((id) => byId.get(id) as DrawEntry);
  const winners: DrawWinner[] = [];
  let counter = 0;
  for (const prize of prizes) {
    for (let i = 0; i < prize.quantity && pool.length > 0; i += 1) {
      const pick = uniformIndex(seed, pool.length, counter);
      counter = pick.counter;
      const winner = pool[pick.index] as DrawEntry;
      winners.push({ entryId: winner.id, customerId: winner.customerId, prize: prize.name });
      pool = pool.filter((e) => e.id !== winner.id && !(options.onePrizePerCustomer && e.customerId === winner.customerId));
    }
  }
  return winners;
}

export interface DrawCheck {
  commitmentMatches: boolean;
  winnersMatch: boolean;
  recomputed: DrawWinner[];
}

// Re-runs a published draw: does the seed open the commitment, and does it pick the same winners?
export function verifyDraw(
  published: { commitment: string; seed: string; winners: readonly DrawWinner[] },
  entries: readonly DrawEntry[],
  prizes: readonly DrawPrize[],
  options: { onePrizePerCustomer: boolean },
): DrawCheck {
  const recomputed = isSeed(published.seed) ? pickWinners(entries, prizes, published.seed, options) : [];
  const same = (a: DrawWinner, b: DrawWinner | undefined) => b !== undefined && a.entryId === b.entryId && a.customerId === b.customerId && a.prize === b.prize;
  return {
    commitmentMatches: drawCommitment(sortedEntryIds(entries), published.seed) === published.commitment,
    winnersMatch: recomputed.length === published.winners.length && recomputed.every((w, i) => same(w, published.winners[i])),
    recomputed,
  };
}
