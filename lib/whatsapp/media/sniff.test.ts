import { describe, expect, it } from 'vitest';
import { dangerousContent, sniffMediaType } from './sniff';

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const isoMedia = (brand: string) => bytes([0, 0, 0, 0x20], 'ftyp', brand, [0, 0, 2, 0], 'isomiso2mp41');

describe('sniffMediaType', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'image/jpeg'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 'image/png'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0]), 'image/gif'],
    ['GIF87a', bytes('GIF87a', [1, 0, 1, 0]), 'image/gif'],
    ['PDF', bytes('%PDF-1.7\n%\u00e2\u00e3'), 'application/pdf'],
    ['MP4 (isom)', isoMedia('isom'), 'video/mp4'],
    ['MP4 (mp42)', isoMedia('mp42'), 'video/mp4'],
    ['3GP', isoMedia('3gp5'), 'video/3gpp'],
    ['M4A', isoMedia('M4A '), 'audio/mp4'],
    ['QuickTime', isoMedia('qt  '), 'video/quicktime'],
    ['OGG/Opus voice note', bytes('OggS', [0, 2, 0, 0, 0, 0, 0, 0, 0, 0], 'OpusHead'), 'audio/ogg'],
    ['MP3 with ID3 tag', bytes('ID3', [4, 0, 0, 0, 0, 0, 0]), 'audio/mpeg'],
    ['MP3 frame (MPEG-1 layer III)', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    ['AAC (ADTS)', bytes([0xff, 0xf1, 0x50, 0x80]), 'audio/aac'],
    ['AMR', bytes('#!AMR\n', [0x3c]), 'audio/amr'],
    ['ZIP (OOXML container)', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), 'application/zip'],
    ['OLE2 (legacy Office container)', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'application/x-cfb'],
  ])('recognises %s', (_name, input, expected) => {
    expect(sniffMediaType(input)).toBe(expected);
  });

  it.each([
    ['plain text', bytes('Hello, saya nak tanya harga')],
    ['empty', Buffer.alloc(0)],
    ['too short for its signature', bytes([0x89, 0x50])],
    ['unknown ftyp brand', isoMedia('zzzz')],
    ['MPEG sync bits with the reserved layer', bytes([0xff, 0xe9, 0])],
  ])('answers null for %s', (_name, input) => {
    expect(sniffMediaType(input)).toBeNull();
  });
});

describe('dangerousContent', () => {
  it.each([
    ['Windows executable', bytes('MZ', [0x90, 0, 3, 0])],
    ['ELF executable', bytes([0x7f], 'ELF', [2, 1, 1])],
    ['Mach-O executable', bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0])],
    ['shell script', bytes('#!/bin/sh\nrm -rf /\n')],
    ['HTML', bytes('<!DOCTYPE html><html><script>alert(1)</script>')],
    ['HTML after whitespace and a BOM', bytes([0xef, 0xbb, 0xbf], '\n  <html><body onload=alert(1)>')],
    ['UTF-16 HTML', Buffer.from('\ufeff<html><script>alert(1)</script>', 'utf16le')],
    ['bare script tag', bytes('<script>fetch("/api")</script>')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['SVG behind an XML declaration', bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
  ])('flags %s', (_name, input) => {
    expect(dangerousContent(input)).toMatch(/^the file is /);
  });

  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['AMR (its header starts with #!)', bytes('#!AMR\n')],
    ['plain text that mentions <html> later', bytes('Price list: see <html> page')],
    ['an XML file without SVG or HTML', bytes('<?xml version="1.0"?><order/>')],
  ])('lets %s through', (_name, input) => {
    expect(dangerousContent(input)).toBeNull();
  });
});
