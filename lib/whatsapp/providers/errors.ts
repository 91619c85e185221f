import { codeInfo, describeError, type ProviderErrorKind } from './error-codes';

export { describeError, type ProviderErrorKind } from './error-codes';

// 131049: Meta asks not to resend a held marketing message at once; a day is its guidance.
const MARKETING_HELD_RETRY_MS = 24 * 60 * 60 * 1000;

export interface ProviderErrorInit {
  kind: ProviderErrorKind;
  message: string;
  code?: number | null;
  subcode?: number | null;
  httpStatus?: number | null;
  title?: string | null;
  details?: string | null;
  fbtraceId?: string | null;
  retryable?: boolean;
  retryAfterMs?: number | null;
}

// A failure talking to WhatsApp. `message` is written for the agent; the rest is for logs,
// retries and the stored status. It never carries credentials.
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly code: number | null;
  readonly subcode: number | null;
  readonly httpStatus: number | null;
  readonly title: string | null;
  readonly details: string | null;
  readonly fbtraceId: string | null;
  readonly retryable: boolean;
  // How long the provider asked us to wait (Retry-After), or Meta's advice for the code.
  readonly retryAfterMs: number | null;

  constructor(init: ProviderErrorInit) {
    super(init.message);
    this.name = 'ProviderError';
    this.kind = init.kind;
    this.code = init.code ?? null;
    this.subcode = init.subcode ?? null;
    this.httpStatus = init.httpStatus ?? null;
    this.title = init.title ?? null;
    this.details = init.details ?? null;
    this.fbtraceId = init.fbtraceId ?? null;
    this.retryable = init.retryable ?? false;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }
}

// A request we refuse before it leaves (bad input, unsupported by this provider).
export function invalidRequest(message: string): ProviderError {
  return new ProviderError({ kind: 'invalid', message });
}

function kindFromStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  if (status >= 400) return 'invalid';
  return 'unknown';
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function int(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

// Retry-After is either seconds or an HTTP date.
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

// Turns an unsuccessful HTTP answer into a ProviderError. Meta's shape is
// `{ error: { message, type, code, error_subcode, error_data: { details }, fbtrace_id } }`,
// where the message starts with "(#code) " followed by the code's title.
export function errorFromResponse(httpStatus: number, body: unknown, retryAfter: string | null): ProviderError {
  const root = record(body);
  const error = record(root.error);
  const code = int(error.code);
  const info = codeInfo(code);
  const rawMessage = str(error.message) ?? str(root.message);
  const title = rawMessage?.replace(/^\(#\d+\)\s*/, '') ?? null;
  const details = str(record(error.error_data).details) ?? (typeof error.error_data === 'string' ? str(error.error_data) : null);
  const retryable = (info?.retryable ?? false) || httpStatus >= 500 || httpStatus === 429;
  const advised = code === 131049 ? MARKETING_HELD_RETRY_MS : null;
  return new ProviderError({
    kind: info?.kind ?? kindFromStatus(httpStatus),
    message: info?.text ?? title ?? (code === null ? `WhatsApp answered with HTTP ${httpStatus}.` : describeError(code)),
    code,
    subcode: int(error.error_subcode),
    httpStatus,
    title,
    details,
    fbtraceId: str(error.fbtrace_id),
    retryable,
    retryAfterMs: parseRetryAfter(retryAfter) ?? advised,
  });
}

// The request never got an answer: refused connection, DNS failure, reset or our timeout.
export function networkError(cause: unknown): ProviderError {
  const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
  return new ProviderError({
    kind: 'network',
    message: timedOut ? 'WhatsApp did not answer in time; the request will be retried.' : 'Could not reach WhatsApp; the request will be retried.',
    title: cause instanceof Error ? cause.message : null,
    retryable: true,
  });
}

export function mediaTooLarge(maxBytes: number): ProviderError {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new ProviderError({ kind: 'invalid', message: `The media is larger than the ${mb} MB limit.` });
}
