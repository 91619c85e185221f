import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadFixtureText } from './fixtures';
import { signPayload, verifySignature } from './signature';

const SECRET = 'test-app-secret';
const body = loadFixtureText('text');
const header = signPayload(body, SECRET);

describe('signPayload', () => {
  it('is sha256= and the lowercase hex HMAC-SHA256 of the raw body, as Meta sends it', () => {
    const hex = createHmac('sha256', SECRET).update(body).digest('hex');
    expect(header).toBe(`sha256=${hex}`);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('signs a Buffer and the same string alike', () => {
    expect(signPayload(Buffer.from(body, 'utf8'), SECRET)).toBe(header);
  });
});

describe('verifySignature', () => {
  it('accepts the signature of the exact body', () => {
    expect(verifySignature(body, header, SECRET)).toBe(true);
    expect(verifySignature(Buffer.from(body, 'utf8'), header, SECRET)).toBe(true);
  });

  it('rejects a signature made with another secret', () => {
    expect(verifySignature(body, signPayload(body, 'another-secret'), SECRET)).toBe(false);
  });

  it('rejects a body changed by one byte', () => {
    const bytes = Buffer.from(body, 'utf8');
    const index = bytes.indexOf('Hai');
    bytes[index] = 'h'.charCodeAt(0);
    expect(verifySignature(bytes, header, SECRET)).toBe(false);
  });

  it('rejects re-serialized JSON: only the raw bytes count', () => {
    expect(verifySignature(JSON.stringify(JSON.parse(body)), header, SECRET)).toBe(false);
  });

  it.each([
    ['missing header', null],
    ['empty header', ''],
    ['no prefix', header.slice('sha256='.length)],
    ['wrong prefix', header.replace('sha256=', 'sha1=')],
    ['prefix in capitals', header.replace('sha256=', 'SHA256=')],
    ['too short', header.slice(0, -2)],
    ['too long', `${header}00`],
    ['not hex', `${header.slice(0, -1)}g`],
    ['trailing space', `${header} `],
  ])('rejects %s', (_, value) => {
    expect(verifySignature(body, value, SECRET)).toBe(false);
  });

  it('rejects when the channel has no app secret', () => {
    expect(verifySignature(body, signPayload(body, ''), '')).toBe(false);
  });

  // Meta sends lowercase hex; uppercase hex is the same digest, so it is accepted.
  it('accepts the same digest in uppercase hex', () => {
    const upper = `sha256=${header.slice('sha256='.length).toUpperCase()}`;
    expect(verifySignature(body, upper, SECRET)).toBe(true);
  });
});
