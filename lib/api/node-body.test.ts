import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { readNodeBodyText } from './node-body';

// What Node's http server hands a Pages Router API route: a stream with headers.
function request(chunks: string[], headers: Record<string, string> = {}) {
  return Object.assign(Readable.from(chunks.map((c) => Buffer.from(c))), { headers });
}

describe('reading a raw body from Node’s request', () => {
  it('returns the bytes as sent, split over chunks (multi-byte characters included)', async () => {
    const text = JSON.stringify({ salam: 'Selamat pagi ☕', n: 1 });
    const bytes = Buffer.from(text);
    const split = [bytes.subarray(0, 20), bytes.subarray(20)].map((b) => b.toString('latin1'));
    const req = Object.assign(Readable.from(split.map((s) => Buffer.from(s, 'latin1'))), { headers: {} });
    expect(await readNodeBodyText(req, 1024)).toBe(text);
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const req = request(['x'], { 'content-length': '2048' });
    await expect(readNodeBodyText(req, 1024)).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('cuts off a body that grows past the limit whatever Content-Length claims', async () => {
    const req = request(['a'.repeat(600), 'b'.repeat(600)], { 'content-length': '10' });
    const error = await readNodeBodyText(req, 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'payload_too_large', status: 413 });
  });
});
