import { describe, expect, it } from 'vitest';
import { checkMedia, formatBytes, kindOfStoredType } from './policy';

const MB = 1024 * 1024;
const CAP = 16 * MB;
const jpeg = (size = 64) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4)]);
const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('checkMedia', () => {
  it('keeps the type the bytes show, whatever was declared', () => {
    expect(checkMedia(jpeg(), 'application/pdf', CAP)).toEqual({ ok: true, mimeType: 'image/jpeg', kind: 'image' });
    expect(checkMedia(Buffer.from('OggS\u0000\u0002'), 'audio/ogg; codecs=opus', CAP)).toEqual({ ok: true, mimeType: 'audio/ogg', kind: 'audio' });
  });

  it('refuses HTML declared as image/jpeg', () => {
    expect(checkMedia(Buffer.from('<html><script>alert(document.cookie)</script></html>'), 'image/jpeg', CAP)).toEqual({
      ok: false,
      reason: 'Refused: the file is HTML or SVG.',
    });
  });

  it('refuses an executable declared as a PDF', () => {
    expect(checkMedia(Buffer.from('MZ\u0090\u0000'), 'application/pdf', CAP)).toMatchObject({ ok: false, reason: 'Refused: the file is a Windows executable.' });
  });

  it('applies WhatsApp’s 5 MB image limit below the overall cap', () => {
    expect(checkMedia(jpeg(5 * MB), 'image/jpeg', CAP)).toMatchObject({ ok: true });
    expect(checkMedia(jpeg(5 * MB + 1), 'image/jpeg', CAP)).toEqual({ ok: false, reason: 'Refused: the image (5,242,881 bytes) is over the 5 MB limit.' });
  });

  it('caps documents at MEDIA_MAX_BYTES rather than WhatsApp’s 100 MB', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2 * MB)]);

    expect(checkMedia(pdf, 'application/pdf', 100 * MB)).toMatchObject({ ok: true, kind: 'document' });
    expect(checkMedia(pdf, 'application/pdf', MB)).toMatchObject({ ok: false, reason: expect.stringContaining('over the 1 MB limit') });
  });

  it('takes the Office format from the declared type only when the container matches', () => {
    expect(checkMedia(zip, DOCX, CAP)).toEqual({ ok: true, mimeType: DOCX, kind: 'document' });
    expect(checkMedia(zip, 'application/msword', CAP)).toMatchObject({ ok: false });
    expect(checkMedia(zip, 'application/zip', CAP)).toMatchObject({ ok: false, reason: expect.stringContaining('unsupported') });
  });

  it('accepts text only when declared as text/plain and valid UTF-8 without control bytes', () => {
    const text = Buffer.from('Terima kasih! Harga RM45.90\r\n');

    expect(checkMedia(text, 'text/plain', CAP)).toEqual({ ok: true, mimeType: 'text/plain', kind: 'document' });
    expect(checkMedia(text, 'image/jpeg', CAP)).toMatchObject({ ok: false });
    expect(checkMedia(Buffer.from([0x41, 0x00, 0x42]), 'text/plain', CAP)).toMatchObject({ ok: false });
    expect(checkMedia(Buffer.from([0xc3, 0x28]), 'text/plain', CAP)).toMatchObject({ ok: false });
  });

  it('refuses unknown bytes and names the declared type', () => {
    expect(checkMedia(Buffer.from([1, 2, 3, 4]), null, CAP)).toEqual({ ok: false, reason: 'Refused: unsupported or unrecognised file type (declared none).' });
    expect(checkMedia(Buffer.from('ftyp'), 'video/quicktime', CAP)).toMatchObject({ ok: false, reason: expect.stringContaining('declared video/quicktime') });
  });
});

describe('kindOfStoredType', () => {
  it.each([
    ['image/webp', 'image'],
    ['video/mp4', 'video'],
    ['audio/ogg', 'audio'],
    ['application/pdf', 'document'],
    ['text/plain', 'document'],
  ])('%s is shown as %s', (mime, kind) => {
    expect(kindOfStoredType(mime)).toBe(kind);
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 bytes'],
    [2048, '2 KB'],
    [16 * MB, '16 MB'],
    [1.5 * MB, '1.5 MB'],
  ])('%d → %s', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });
});
