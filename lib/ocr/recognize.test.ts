import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OcrEngine } from './engine';
import { recognizeDocument } from './recognize';
import { digitalPdf, pngHeader } from './test-helpers';

const today = new Date('2025-06-30T00:00:00Z');
const receiptJpeg = readFileSync(path.resolve('lib/ocr/test-fixtures/ocr-synthetic/images/receipt_002.jpg'));

// Bad files must be turned away before any OCR runs.
const noOcr: OcrEngine = {
  size: 1,
  start: () => Promise.resolve(),
  recognize: () => Promise.reject(new Error('OCR must not run for this file')),
  shutdown: () => Promise.resolve(),
};
const recognize = (bytes: Buffer, mimeType?: string) => recognizeDocument(bytes, { mimeType, today, engine: noOcr });

describe('recognizeDocument: bad files end as a reason, never a crash', () => {
  it('refuses an empty file', async () => {
    expect(await recognize(Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('refuses a file over 10 MB', async () => {
    const big = Buffer.concat([receiptJpeg, Buffer.alloc(10 * 1024 * 1024)]);
    expect(await recognize(big)).toMatchObject({ ok: false, reason: 'too_large' });
  });

  it('refuses a text file renamed .jpg, whatever type it claims', async () => {
    const result = await recognize(Buffer.from('TOTAL 45.90\nTerima kasih\n'), 'image/jpeg');
    expect(result).toMatchObject({ ok: false, reason: 'unsupported_type' });
    expect(!result.ok && result.message).toContain('image/jpeg');
  });

  it('refuses a GIF', async () => {
    expect(await recognize(Buffer.from('GIF89a\u0001\u0000\u0001\u0000', 'latin1'))).toMatchObject({ ok: false, reason: 'unsupported_type' });
  });

  it('refuses a 20000×20000 PNG (decompression bomb) from its header alone', async () => {
    const result = await recognize(pngHeader(20_000, 20_000));
    expect(result).toMatchObject({ ok: false, reason: 'too_many_pixels' });
  });

  it('reports a truncated JPEG as unreadable', async () => {
    const truncated = receiptJpeg.subarray(0, Math.floor(receiptJpeg.length * 0.6));
    expect(await recognize(truncated)).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('reports a JPEG header with garbage after it as unreadable', async () => {
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
    expect(await recognize(garbage)).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('reports a PDF without a text layer (an empty page or a scan)', async () => {
    expect(await recognize(digitalPdf([]))).toMatchObject({ ok: false, reason: 'pdf_no_text' });
  });

  it('reports a damaged PDF as unreadable', async () => {
    expect(await recognize(Buffer.from('%PDF-1.7\nthis is not a pdf body', 'latin1'))).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('tells the OCR failing apart from a bad file', async () => {
    expect(await recognize(receiptJpeg)).toMatchObject({ ok: false, reason: 'ocr_failed' });
  });
});

describe('recognizeDocument: digital PDF receipts', () => {
  it('reads the text layer without OCR and extracts the receipt', async () => {
    const pdf = digitalPdf([
      [[20, 'KEDAI RUNCIT ALI']],
      [[20, 'TARIKH: 05/03/2024   MASA: 10:02']],
      [[20, 'NO. RESIT: 202403050117']],
      [[20, 'GULA PASIR 1KG'], [160, '1'], [230, '2.85']],
      [[20, 'MINYAK MASAK 2KG'], [160, '2'], [230, '27.00']],
      [[20, 'JUMLAH KECIL'], [230, '29.85']],
      [[20, 'CUKAI SST 6%'], [230, '1.79']],
      [[20, 'PENGGENAPAN'], [230, '-0.04']],
      [[20, 'JUMLAH BESAR'], [230, '31.60']],
      [[20, 'TUNAI'], [230, '50.00']],
      [[20, 'BAKI'], [230, '18.40']],
    ]);
    const result = await recognize(pdf, 'application/pdf');
    expect(result).toMatchObject({ ok: true, kind: 'receipt', source: 'pdf_text' });
    if (!result.ok) return;
    expect(result.receipt).toMatchObject({ merchant: 'KEDAI RUNCIT ALI', date: '2024-03-05', total: '31.60', tax: '1.79', rounding: '-0.04', receiptNumber: '202403050117' });
    expect(result.receipt?.items).toHaveLength(2);
    expect(result.receiptChecks).toEqual({ cashChange: true, breakdown: true, items: true });
    expect(result.confidence).toBeGreaterThan(0.8);
    expect(result.timings.ocrMs).toBe(0);
  });
});

describe('recognizeDocument: a second look', () => {
  // An engine that reads the photo differently each time: the first read lost the date line.
  const readsInTurn = (...texts: string[]): OcrEngine & { calls: number } => {
    const engine = {
      size: 1,
      calls: 0,
      start: () => Promise.resolve(),
      recognize: () => {
        const text = texts[Math.min(engine.calls++, texts.length - 1)]!;
        const lines = text.split('\n').map((line) => ({ text: line, confidence: 0.95 }));
        return Promise.resolve({ text, confidence: 0.95, lines });
      },
      shutdown: () => Promise.resolve(),
    };
    return engine;
  };
  const receipt = (dateLine: string) =>
    `KEDAI RUNCIT ALI\n${dateLine}\nGULA PASIR 1KG   1   2.85\nMINYAK MASAK 2KG   2   27.00\nJUMLAH KECIL   29.85\nCUKAI SST 6%   1.79\nPENGGENAPAN   -0.04\nJUMLAH BESAR   31.60\nTUNAI   50.00\nBAKI   18.40`;

  it('reads a confident receipt without a date again and takes the date from the second read', async () => {
    const engine = readsInTurn(receipt('TARIKH : O5/O3/2O24 1O:O2'), receipt('TARIKH : 05/03/2024 10:02'));
    const result = await recognizeDocument(receiptJpeg, { today, engine });
    expect(engine.calls).toBe(2);
    expect(result).toMatchObject({ ok: true, kind: 'receipt', receipt: { date: '2024-03-05', total: '31.60' } });
    expect(result.ok && result.steps).toContain('second look');
  });

  it('reads a confident receipt with its date only once', async () => {
    const engine = readsInTurn(receipt('TARIKH : 05/03/2024 10:02'));
    const result = await recognizeDocument(receiptJpeg, { today, engine });
    expect(engine.calls).toBe(1);
    expect(result).toMatchObject({ ok: true, receipt: { date: '2024-03-05', total: '31.60' } });
  });
});
