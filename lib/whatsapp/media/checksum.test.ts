import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestMatches } from './checksum';

const bytes = Buffer.from('a photo of a receipt');
const digest = createHash('sha256').update(bytes).digest();

describe('digestMatches', () => {
  it('reads base64 (live webhooks), base64url and hex', () => {
    expect(digestMatches(digest, digest.toString('base64'))).toBe(true);
    expect(digestMatches(digest, digest.toString('base64url'))).toBe(true);
    expect(digestMatches(digest, digest.toString('hex'))).toBe(true);
    expect(digestMatches(digest, digest.toString('hex').toUpperCase())).toBe(true);
  });

  it('reports a different file', () => {
    const other = createHash('sha256').update('something else').digest();

    expect(digestMatches(digest, other.toString('base64'))).toBe(false);
    expect(digestMatches(digest, other.toString('hex'))).toBe(false);
  });

  it('answers null for a value that is no SHA-256 digest', () => {
    expect(digestMatches(digest, 'not-a-digest')).toBeNull();
    expect(digestMatches(digest, Buffer.alloc(16).toString('base64'))).toBeNull();
  });
});
