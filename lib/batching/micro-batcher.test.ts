import { describe, expect, it } from 'vitest';
import { createMicroBatcher } from './micro-batcher';

describe('createMicroBatcher', () => {
  it('writes items that arrive together in one flush and answers each caller', async () => {
    const flushes: number[][] = [];
    const add = createMicroBatcher(async (items: number[]) => {
      flushes.push(items);
      return items.map((n) => n * 10);
    }, { maxItems: 100, maxWaitMs: 5 });
    expect(await Promise.all([add(1), add(2), add(3)])).toEqual([10, 20, 30]);
    expect(flushes).toEqual([[1, 2, 3]]);
  });

  it('flushes as soon as a batch is full', async () => {
    const sizes: number[] = [];
    const add = createMicroBatcher(async (items: number[]) => {
      sizes.push(items.length);
      return items;
    }, { maxItems: 2, maxWaitMs: 1000 });
    await Promise.all([add(1), add(2), add(3), add(4)]);
    expect(sizes).toEqual([2, 2]);
  });

  it('rejects every caller of a failed flush, and later items still go through', async () => {
    let fail = true;
    const add = createMicroBatcher(async (items: string[]) => {
      if (fail) throw new Error('database down');
      return items;
    }, { maxItems: 10, maxWaitMs: 1 });
    await expect(Promise.all([add('a'), add('b')])).rejects.toThrow('database down');
    fail = false;
    expect(await add('c')).toBe('c');
  });
});
