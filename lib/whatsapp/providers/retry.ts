import { ProviderError } from './errors';

export interface RetryOptions {
  // Total tries, the first included.
  attempts?: number;
  baseMs?: number;
  maxMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (info: { attempt: number; delayMs: number; error: ProviderError }) => void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Runs fn until it succeeds, retrying only ProviderErrors marked retryable, with exponential
// backoff and full jitter (a random wait between 0 and min(maxMs, baseMs·2^n)). A Retry-After
// the provider sent replaces the jittered wait; one longer than maxMs is not waited out here —
// the error goes back to the caller (the job queue) with retryAfterMs set.
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 4, baseMs = 250, maxMs = 8000, random = Math.random, sleep = realSleep, onRetry } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (!(error instanceof ProviderError) || !error.retryable || attempt >= attempts) throw error;
      if (error.retryAfterMs !== null && error.retryAfterMs > maxMs) throw error;
      const delayMs = error.retryAfterMs ?? Math.floor(random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
      onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}
