import { crc32, deflateSync } from 'node:zlib';
import type { OcrLine } from './types';

// Lines as the OCR would hand them over, from a block of text (no layout, full confidence).
export function textLines(text: string): OcrLine[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .filter((line) => line.trim())
    .map((line) => ({ text: line.trim(), confidence: 0.95 }));
}

// A one-page PDF whose text layer holds `rows`: each row is [x, text] pieces on one baseline,
// as e-receipts print a label and its amount. No rows gives a page with nothing on it.
export function digitalPdf(rows: Array<Array<[number, string]>>): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (ch) => `\\${ch}`);
  const text = rows
    .map((pieces, i) => pieces.map(([x, s]) => `1 0 0 1 ${x} ${780 - i * 14} Tm (${escape(s)}) Tj`).join(' '))
    .join('\n');
  const content = rows.length ? `BT /F1 10 Tf\n${text}\nET` : '';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 800] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = Buffer.byteLength(pdf);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// A PNG of the given size and 8-bit colour type (0 greyscale, 2 RGB) around raw pixel data.
function png(width: number, height: number, colourType: 0 | 2, pixels: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, colourType, 0, 0, 0], 8);
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(pixels)), pngChunk('IEND', Buffer.alloc(0))]);
}

// The header of a PNG claiming the given size, with no real pixel data: a decompression bomb
// as far as a decoder that trusts the header is concerned.
export function pngHeader(width: number, height: number): Buffer {
  return png(width, height, 0, Buffer.alloc(64));
}

// A real, decodable PNG: size × size pixels of one RGB colour (each row starts with filter 0).
export function solidPng(rgb: [number, number, number], size = 48): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3).map((_, i) => rgb[i % 3] ?? 0)]);
  return png(size, size, 2, Buffer.concat(Array.from({ length: size }, () => row)));
}
