import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { drawCommitment, pickWinners, sortedEntryIds, uniformIndex, verifyDraw } from './draw-algorithm';

const seedOf = (label: string) => createHash('sha256').update(label).digest('hex');
const entry = (i: number, customer = i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, customerId: `customer-${customer}` });

describe('drawCommitment', () => {
  it('is sha256 of the sorted ids and the seed, whatever order the entries come in', () => {
    const seed = seedOf('commit');
    const ids = ['b', 'c', 'a'];
    expect(drawCommitment(ids, seed)).toBe(createHash('sha256').update(`a\nb\nc\n${seed}`).digest('hex'));
    expect(drawCommitment(['c', 'a', 'b'], seed)).toBe(drawCommitment(ids, seed));
    expect(drawCommitment(ids, seedOf('other'))).not.toBe(drawCommitment(ids, seed));
  });
});

describe('pickWinners', () => {
  const entries = Array.from({ length: 20 }, (_, i) => entry(i, i % 7));
  const prizes = [
    { name: 'iPhone', quantity: 1 },
    { name: 'Voucher RM50', quantity: 3 },
  ];

  it('re-runs to the same winners from the published seed, in any entry order', () => {
    const seed = seedOf('reproducible');
    const first = pickWinners(entries, prizes, seed, { onePrizePerCustomer: false });
    expect(first.map((w) => w.prize)).toEqual(['iPhone', 'Voucher RM50', 'Voucher RM50', 'Voucher RM50']);
    expect(pickWinners([...entries].reverse(), prizes, seed, { onePrizePerCustomer: false })).toEqual(first);
    expect(pickWinners(entries, prizes, seedOf('another'), { onePrizePerCustomer: false })).not.toEqual(first);
  });

  it('follows the published procedure: HMAC-SHA256(seed, counter), first 4 bytes, modulo the entries left', () => {
    const seed = seedOf('by hand');
    const pool = sortedEntryIds(entries.slice(0, 5).map((e) => ({ ...e, customerId: e.id })));
    const x = createHmac('sha256', Buffer.from(seed, 'hex')).update('0').digest().readUInt32BE(0);
    const [winner] = pickWinners(
      entries.slice(0, 5).map((e) => ({ ...e, customerId: e.id })),
      [{ name: 'Prize', quantity: 1 }],
      seed,
      { onePrizePerCustomer: true },
    );
    expect(winner?.entryId).toBe(pool[x % 5]);
  });

  it('gives a customer one prize at most when asked, and stops when entries run out', () => {
    const seed = seedOf('one each');
    const many = pickWinners(entries, [{ name: 'Cap', quantity: 50 }], seed, { onePrizePerCustomer: true });
    expect(many).toHaveLength(7);
    expect(new Set(many.map((w) => w.customerId)).size).toBe(7);
    expect(pickWinners(entries, [{ name: 'Cap', quantity: 50 }], seed, { onePrizePerCustomer: false })).toHaveLength(20);
  });

  it('refuses a seed that is not 64 hex characters', () => {
    expect(() => pickWinners(entries, prizes, 'not-a-seed', { onePrizePerCustomer: true })).toThrow(/64 hex/);
  });

  // 10 entries, one prize, 5,000 fixed seeds: every entry should win about 500 times. The
  // chi-square statistic with 9 degrees of freedom exceeds 27.88 with probability 0.001 for a
  // fair draw; the seeds are fixed, so the test is deterministic.
  it('picks every entry equally often (chi-square over 5,000 fixed seeds)', () => {
    const ten = Array.from({ length: 10 }, (_, i) => entry(i));
    const counts = new Map<string, number>();
    const draws = 5000;
    for (let i = 0; i < draws; i += 1) {
      const [w] = pickWinners(ten, [{ name: 'Prize', quantity: 1 }], seedOf(`uniformity-${i}`), { onePrizePerCustomer: true });
      counts.set(w!.entryId, (counts.get(w!.entryId) ?? 0) + 1);
    }
    const expected = draws / 10;
    const chiSquare = ten.reduce((sum, e) => sum + ((counts.get(e.id) ?? 0) - expected) ** 2 / expected, 0);
    expect(counts.size).toBe(10);
    expect(chiSquare).toBeLessThan(27.88);
  });

  it('uniform also for later slots: with 3 prizes from 6 entries each entry wins half the time', () => {
    const six = Array.from({ length: 6 }, (_, i) => entry(i));
    const wins = new Map<string, number>();
    const draws = 3000;
    for (let i = 0; i < draws; i += 1) {
      for (const w of pickWinners(six, [{ name: 'Prize', quantity: 3 }], seedOf(`slots-${i}`), { onePrizePerCustomer: true })) wins.set(w.entryId, (wins.get(w.entryId) ?? 0) + 1);
    }
    const expected = draws / 2;
    // Each entry's count is binomial(3000, 0.5); the 6 are dependent (3 winners a draw), so
    // chi-square with 5 degrees of freedom: 20.52 at p = 0.001.
    const chiSquare = six.reduce((sum, e) => sum + ((wins.get(e.id) ?? 0) - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(20.52);
  });
});

describe('uniformIndex', () => {
  it('always lands inside the range and moves the counter on', () => {
    const seed = seedOf('range');
    let counter = 0;
    for (let i = 0; i < 200; i += 1) {
      const pick = uniformIndex(seed, 3, counter);
      expect(pick.index).toBeGreaterThanOrEqual(0);
      expect(pick.index).toBeLessThan(3);
      expect(pick.counter).toBeGreaterThan(counter);
      counter = pick.counter;
    }
  });
});

describe('verifyDraw', () => {
  const entries = Array.from({ length: 8 }, (_, i) => entry(i));
  const prizes = [{ name: 'Hamper', quantity: 2 }];
  const seed = seedOf('verify');
  const published = { commitment: drawCommitment(sortedEntryIds(entries), seed), seed, winners: pickWinners(entries, prizes, seed, { onePrizePerCustomer: true }) };

  it('matches an honest draw', () => {
    const check = verifyDraw(published, entries, prizes, { onePrizePerCustomer: true });
    expect([check.commitmentMatches, check.winnersMatch]).toEqual([true, true]);
  });

  it('catches a changed entry list, another seed or swapped winners', () => {
    expect(verifyDraw(published, entries.slice(1), prizes, { onePrizePerCustomer: true }).commitmentMatches).toBe(false);
    expect(verifyDraw({ ...published, seed: seedOf('swap') }, entries, prizes, { onePrizePerCustomer: true }).commitmentMatches).toBe(false);
    const swapped = { ...published, winners: [...published.winners].reverse() };
    expect(verifyDraw(swapped, entries, prizes, { onePrizePerCustomer: true }).winnersMatch).toBe(false);
  });
});
