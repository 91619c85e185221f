import { describe, expect, it } from 'vitest';
import { ProviderError } from './errors';
import { withRetry } from './retry';

const retryable = (retryAfterMs: number | null = null) => new ProviderError({ kind: 'server', message: 'down', retryable: true, retryAfterMs });
const final = () => new ProviderError({ kind: 'invalid', message: 'bad' });

function failing(errors: unknown[], result = 'ok') {
  let calls = 0;
  const fn = async () => {
    const error = errors[calls++];
    if (error) throw error;
    return result;
  };
  return { fn, calls: () => calls };
}

function recorder() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('withRetry', () => {
  it('returns at once when the first try succeeds', async () => {
    const { waits, sleep } = recorder();
    await expect(withRetry(async () => 'done', { sleep })).resolves.toBe('done');
    expect(waits).toEqual([]);
  });

  it('backs off exponentially with full jitter', async () => {
    const { waits, sleep } = recorder();
    const { fn, calls } = failing([retryable(), retryable(), retryable()]);
    await expect(withRetry(fn, { sleep, random: () => 1, baseMs: 100, maxMs: 10_000 })).resolves.toBe('ok');
    expect(calls()).toBe(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('draws each wait between zero and the cap', async () => {
    const { waits, sleep } = recorder();
    const draws = [0, 0.5, 0.999];
    const { fn } = failing([retryable(), retryable(), retryable()]);
    await withRetry(fn, { sleep, random: () => draws.shift() ?? 0, baseMs: 1000, maxMs: 1500 });
    expect(waits).toEqual([0, 750, 1498]);
  });

  it('stops after the last attempt and rethrows', async () => {
    const { waits, sleep } = recorder();
    const error = retryable();
    const { fn, calls } = failing([error, error, error, error, error]);
    await expect(withRetry(fn, { sleep, attempts: 3 })).rejects.toBe(error);
    expect(calls()).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it('never retries a final ProviderError or a plain error', async () => {
    const { waits, sleep } = recorder();
    const bad = failing([final()]);
    await expect(withRetry(bad.fn, { sleep })).rejects.toMatchObject({ kind: 'invalid' });
    const bug = failing([new TypeError('bug')]);
    await expect(withRetry(bug.fn, { sleep })).rejects.toBeInstanceOf(TypeError);
    expect(bad.calls() + bug.calls()).toBe(2);
    expect(waits).toEqual([]);
  });

  it('waits what Retry-After asks instead of the jittered delay', async () => {
    const { waits, sleep } = recorder();
    const { fn } = failing([retryable(1500)]);
    await withRetry(fn, { sleep, random: () => 0 });
    expect(waits).toEqual([1500]);
  });

  it('hands a Retry-After longer than maxMs back to the caller', async () => {
    const { waits, sleep } = recorder();
    const { fn, calls } = failing([retryable(60_000)]);
    await expect(withRetry(fn, { sleep, maxMs: 8000 })).rejects.toMatchObject({ retryAfterMs: 60_000 });
    expect(calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('tells onRetry about each retry', async () => {
    const { sleep } = recorder();
    const seen: number[] = [];
    const { fn } = failing([retryable(), retryable()]);
    await withRetry(fn, { sleep, random: () => 0, onRetry: ({ attempt }) => seen.push(attempt) });
    expect(seen).toEqual([1, 2]);
  });
});
