import { describe, expect, it } from 'vitest';
import { ProviderError, describeError, errorFromResponse, networkError, parseRetryAfter } from './errors';

const meta = (code: number, extra: Record<string, unknown> = {}) => ({
  error: { message: `(#${code}) Title`, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details: 'Details.' }, fbtrace_id: 'Fb1', ...extra },
});

describe('errorFromResponse', () => {
  it.each([
    [130429, 400, 'rate_limited', true],
    [131056, 400, 'rate_limited', true],
    [131049, 400, 'marketing_held', true],
    [131050, 400, 'marketing_opted_out', false],
    [131047, 400, 'window_closed', false],
    [470, 400, 'window_closed', false],
    [131026, 400, 'undeliverable', false],
    [132001, 404, 'invalid', false],
    [100, 400, 'invalid', false],
    [190, 401, 'auth', false],
    [10, 403, 'auth', false],
    [200, 403, 'auth', false],
    [131000, 500, 'server', true],
  ] as const)('classifies %i (HTTP %i) as %s, retryable %s', (code, status, kind, retryable) => {
    expect(errorFromResponse(status, meta(code), null)).toMatchObject({ code, httpStatus: status, kind, retryable });
  });

  it('keeps Meta’s title, details, subcode and trace id', () => {
    const error = errorFromResponse(400, meta(131047, { message: '(#131047) Re-engagement message', error_subcode: 2494010 }), null);
    expect(error).toMatchObject({ title: 'Re-engagement message', details: 'Details.', subcode: 2494010, fbtraceId: 'Fb1' });
    expect(error.message).toBe(describeError(131047));
  });

  it('falls back on the HTTP status when the body is not Meta’s', () => {
    expect(errorFromResponse(502, null, null)).toMatchObject({ kind: 'server', retryable: true, code: null, message: 'WhatsApp answered with HTTP 502.' });
    expect(errorFromResponse(429, 'slow down', null)).toMatchObject({ kind: 'rate_limited', retryable: true });
    expect(errorFromResponse(403, {}, null)).toMatchObject({ kind: 'auth', retryable: false });
    expect(errorFromResponse(404, { message: 'Not found' }, null)).toMatchObject({ kind: 'invalid', retryable: false, message: 'Not found' });
  });

  it('never retries an unknown 4xx code', () => {
    expect(errorFromResponse(400, meta(999999), null)).toMatchObject({ kind: 'invalid', retryable: false, message: 'Title' });
  });

  it('honours Retry-After and advises a day for held marketing messages', () => {
    expect(errorFromResponse(429, null, '3').retryAfterMs).toBe(3000);
    expect(errorFromResponse(400, meta(131049), null).retryAfterMs).toBe(24 * 60 * 60 * 1000);
    expect(errorFromResponse(400, meta(130429), null).retryAfterMs).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-08-01T00:00:00Z');
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Sat, 01 Aug 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('networkError', () => {
  it('is retryable and says whether it timed out', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(networkError(timeout)).toMatchObject({ kind: 'network', retryable: true, message: expect.stringMatching(/in time/) });
    expect(networkError(new TypeError('fetch failed'))).toMatchObject({ kind: 'network', retryable: true, message: expect.stringMatching(/reach/) });
    expect(networkError(new TypeError('x'))).toBeInstanceOf(ProviderError);
  });
});

describe('describeError', () => {
  it.each([
    [130429, /faster than WhatsApp allows/],
    [131047, /24 hours.*template/],
    [131026, /could not deliver/],
    [131049, /marketing/],
    [131050, /stopped marketing messages/],
    [131051, /does not support this type/],
    [131052, /could not download the media/],
    [131053, /could not use the media/],
    [132000, /parameters does not match/],
    [132001, /does not exist in this language or is not approved/],
    [190, /expired/],
    [10, /permissions/],
    [200, /permission/],
    [100, /parameter/],
    [470, /24 hours/],
  ])('explains %i', (code, text) => {
    expect(describeError(code)).toMatch(text);
  });

  it('says something for codes it does not know', () => {
    expect(describeError(424242)).toBe('WhatsApp refused the request (error 424242).');
    expect(describeError(null)).toBe('Sending failed.');
  });
});
