import { ProviderError, describeError } from '@/lib/whatsapp/providers/errors';

// What became of one send, decided from the provider's answer. At most once: only an error
// WhatsApp answered (so the message was not accepted) is ever retried; no answer at all (a
// timeout, a reset connection) may have been accepted and is failed as unknown_outcome.

export type SendOutcome =
  | { kind: 'sent'; recipientId: string; wamid: string }
  | { kind: 'retry'; recipientId: string; delayMs: number; code: number | null; title: string; slowDown: boolean }
  | { kind: 'skipped'; recipientId: string; reason: 'window_closed'; code: number; title: string }
  | { kind: 'failed'; recipientId: string; reason: FailReason; code: number | null; title: string };

export type FailReason = 'undeliverable' | 'opted_out' | 'marketing_held' | 'unknown_outcome' | 'provider_error';

// Tries per recipient, the first included, for errors that may succeed later.
export const MAX_SEND_ATTEMPTS = 5;
// 131049 (Meta held a marketing message): a day apart, at most this many tries.
export const MAX_HELD_ATTEMPTS = 3;
const SLOW_DOWN_MS = 2000;
const HELD_RETRY_MS = 24 * 3_600_000;

const titleOf = (error: ProviderError) => (error.code ? describeError(error.code) : error.message);

export function classifySendError(recipientId: string, attempts: number, error: unknown): SendOutcome {
  if (!(error instanceof ProviderError)) {
    return { kind: 'failed', recipientId, reason: 'unknown_outcome', code: null, title: 'Sending failed unexpectedly; not retried in case it was sent.' };
  }
  const base = { recipientId, code: error.code, title: titleOf(error) };
  switch (error.code) {
    case 130429:
      return attempts < MAX_SEND_ATTEMPTS ? { ...base, kind: 'retry', delayMs: error.retryAfterMs ?? SLOW_DOWN_MS, slowDown: true } : { ...base, kind: 'failed', reason: 'provider_error' };
    case 131049:
      return attempts < MAX_HELD_ATTEMPTS
        ? { ...base, kind: 'retry', delayMs: error.retryAfterMs ?? HELD_RETRY_MS, slowDown: false }
        : { ...base, kind: 'failed', reason: 'marketing_held' };
    case 131026:
      return { ...base, kind: 'failed', reason: 'undeliverable' };
    case 131050:
      return { ...base, kind: 'failed', reason: 'opted_out' };
    case 131047:
      return { recipientId, kind: 'skipped', reason: 'window_closed', code: 131047, title: titleOf(error) };
  }
  if (error.kind === 'network' || (error.httpStatus === null && error.kind !== 'invalid')) return { ...base, kind: 'failed', reason: 'unknown_outcome' };
  if (error.retryable && attempts < MAX_SEND_ATTEMPTS) {
    const backoff = Math.min(2 ** attempts * 1000, 10 * 60_000);
    return { ...base, kind: 'retry', delayMs: error.retryAfterMs ?? backoff, slowDown: error.kind === 'rate_limited' };
  }
  return { ...base, kind: 'failed', reason: 'provider_error' };
}
