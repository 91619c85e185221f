import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOcrEngine } from './engine';
import { recognizeDocument } from './recognize';

// The real pipeline — sharp, Tesseract (eng+msa, offline), extraction — on a few fixture
// photos. Each OCR takes seconds on a shared machine, hence the few images and long timeouts.
const fixtures = path.resolve('lib/ocr/test-fixtures');
const engine = createOcrEngine(1);
const today = new Date('2026-01-01T00:00:00Z');
const recognize = (file: string) => recognizeDocument(readFileSync(path.join(fixtures, file)), { engine, today });
const SLOW = 120_000;

afterAll(() => engine.shutdown());

describe('recognizeDocument on fixture photos', () => {
  it('reads a receipt photographed at an angle on a table (Malay keywords)', { timeout: SLOW }, async () => {
    const result = await recognize('ocr-synthetic/images/receipt_016.jpg');
    expect(result).toMatchObject({ ok: true, kind: 'receipt', source: 'ocr', receipt: { total: '6.47', date: '2024-03-16', currency: 'MYR' } });
    expect(result.ok && result.steps).toContain('crop');
  });

  it('reads a receipt on a dark scanner lid, with SST and change', { timeout: SLOW }, async () => {
    const result = await recognize('ocr-synthetic/images/receipt_002.jpg');
    expect(result).toMatchObject({ ok: true, kind: 'receipt', receipt: { total: '48.12', date: '2023-07-19', tax: '2.72', cash: '49.00', change: '0.88' } });
    expect(result.ok && result.receiptChecks).toMatchObject({ cashChange: true, breakdown: true });
  });

  it('reads two real scanned receipts (SROIE)', { timeout: SLOW }, async () => {
    const motor = await recognize('sroie/007.jpg');
    const rice = await recognize('sroie/044.jpg');
    expect(motor).toMatchObject({ ok: true, kind: 'receipt', receipt: { total: '20.00', date: '2019-01-23' } });
    expect(rice).toMatchObject({ ok: true, kind: 'receipt', receipt: { total: '8.60', date: '2018-03-18' } });
  });

  it('reads a MyKad photographed on a table, with a name on two lines', { timeout: SLOW }, async () => {
    const result = await recognize('ocr-synthetic/images/ic_014.jpg');
    expect(result).toMatchObject({
      ok: true,
      kind: 'ic_card',
      icCard: { icNumber: '050720108279', name: 'MOHAMAD FIRDAUS BIN MAT ZIN', dateOfBirth: '2005-07-20', gender: 'M', state: 'MY-10' },
    });
    expect(result.ok && result.confidence).toBeGreaterThan(0.7);
  });

  it('reads a scanned MyKad with an A/L name', { timeout: SLOW }, async () => {
    const result = await recognize('ocr-synthetic/images/ic_002.jpg');
    expect(result).toMatchObject({ ok: true, kind: 'ic_card', icCard: { icNumber: '041001166177', name: 'SURESH A/L ARUMUGAM', state: 'MY-16' } });
  });
});
