import { createHmac, timingSafeEqual } from 'node:crypto';

// Meta signs every webhook POST with `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of
// the raw request body keyed with the app secret. Verify the bytes as received, before any
// JSON parsing: re-serialized JSON is not the same bytes.

const PREFIX = 'sha256=';
// Meta sends lowercase hex. Hex case carries no information (both decode to the same 32
// bytes), so uppercase is accepted; anything that is not exactly 64 hex digits is rejected.
const HEX_DIGEST = /^[0-9a-f]{64}$/i;

function digest(rawBody: Buffer | string, appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update(rawBody).digest();
}

// The header value Meta would send for this body; the simulator and the tests sign with it.
export function signPayload(rawBody: Buffer | string, appSecret: string): string {
  return `${PREFIX}${digest(rawBody, appSecret).toString('hex')}`;
}

export function verifySignature(rawBody: Buffer | string, header: string | null, appSecret: string): boolean {
  if (!header || !appSecret || !header.startsWith(PREFIX)) return false;
  const hex = header.slice(PREFIX.length);
  // Buffer.from(…, 'hex') silently drops bad digits, so the format is checked first.
  if (!HEX_DIGEST.test(hex)) return false;
  const given = Buffer.from(hex, 'hex');
  const expected = digest(rawBody, appSecret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
