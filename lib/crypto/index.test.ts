import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decrypt, encrypt, keyedHash, randomToken, safeEqual, sha256 } from './index';

const key = randomBytes(32).toString('base64');
const otherKey = randomBytes(32).toString('base64');

// Replaces one character of the given dot-separated part of a sealed value.
function tamper(sealed: string, part: number): string {
  const parts = sealed.split('.');
  const value = parts[part] ?? '';
  parts[part] = `${value[0] === 'A' ? 'B' : 'A'}${value.slice(1)}`;
  return parts.join('.');
}

describe('encrypt / decrypt', () => {
  it.each(['880101-14-5678', '', 'Nasi lemak 🌶️ 椰浆饭', 'x'.repeat(10_000)])('round-trips %j', (plaintext) => {
    const sealed = encrypt(plaintext, key);

    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]*$/);
    expect(decrypt(sealed, key)).toBe(plaintext);
  });

  it('never shows the plaintext and never repeats a ciphertext', () => {
    const a = encrypt('880101-14-5678', key);
    const b = encrypt('880101-14-5678', key);

    expect(a).not.toBe(b);
    expect(a).not.toContain('880101');
    expect(Buffer.from(a.split('.')[3] ?? '', 'base64url').toString('utf8')).not.toContain('880101');
  });

  it.each([
    ['iv', 1],
    ['auth tag', 2],
    ['ciphertext', 3],
  ])('detects a tampered %s', (_part, index) => {
    const sealed = encrypt('RM 45.90 paid', key);
    expect(() => decrypt(tamper(sealed, index), key)).toThrow();
  });

  it('fails with the wrong key', () => {
    expect(() => decrypt(encrypt('secret', key), otherKey)).toThrow();
  });

  it('rejects values that are not its ciphertext', () => {
    expect(() => decrypt('plain text', key)).toThrow('Unrecognised ciphertext');
    expect(() => decrypt(encrypt('x', key).replace(/^v1/, 'v2'), key)).toThrow('Unrecognised ciphertext');
  });

  it('refuses a key that is not 32 bytes', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => encrypt('x', short)).toThrow('ENCRYPTION_KEY must be 32 bytes, base64-encoded');
    expect(() => decrypt(encrypt('x', key), short)).toThrow('ENCRYPTION_KEY must be 32 bytes');
  });
});

describe('keyedHash', () => {
  it('is stable for the same key, purpose and value', () => {
    const hash = keyedHash('880101-14-5678', key, 'ic');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash('880101-14-5678', key, 'ic')).toBe(hash);
  });

  it('depends on the key, the purpose and the value', () => {
    const hash = keyedHash('880101-14-5678', key, 'ic');
    expect(keyedHash('880101-14-5678', otherKey, 'ic')).not.toBe(hash);
    expect(keyedHash('880101-14-5678', key, 'phone')).not.toBe(hash);
    expect(keyedHash('880101-14-5679', key, 'ic')).not.toBe(hash);
    expect(hash).not.toBe(sha256('ic:880101-14-5678'));
  });
});

describe('sha256 and safeEqual', () => {
  it('hashes to the standard digest', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('compares strings of any length', () => {
    expect(safeEqual('token', 'token')).toBe(true);
    expect(safeEqual('token', 'tokem')).toBe(false);
    expect(safeEqual('token', 'token-longer')).toBe(false);
  });
});

describe('randomToken', () => {
  it.each([1, 6, 40, 100])('has exactly %i letters and digits', (length) => {
    expect(randomToken(length)).toMatch(new RegExp(`^[A-Za-z0-9]{${length}}$`));
  });

  it('uses the whole 62-letter alphabet and does not repeat', () => {
    const tokens = Array.from({ length: 200 }, () => randomToken(40));
    expect(new Set(tokens).size).toBe(200);
    expect(new Set(tokens.join('')).size).toBe(62);
  });
});
