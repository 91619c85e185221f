import { describe, expect, it } from 'vitest';
import { readPdfText } from './pdf';
import { digitalPdf } from './test-helpers';

describe('readPdfText', () => {
  it('rebuilds lines from a digital receipt, label and amount on one line', async () => {
    const pdf = digitalPdf([
      [[20, 'KEDAI RUNCIT ALI']],
      [[20, 'TARIKH: 05/03/2024']],
      [[20, 'JUMLAH BESAR'], [220, '38.50']],
    ]);
    const result = await readPdfText(pdf);
    expect(result.ok && result.lines.map((l) => l.text)).toEqual(['KEDAI RUNCIT ALI', 'TARIKH: 05/03/2024', 'JUMLAH BESAR   38.50']);
  });

  it('answers no lines for a page without a text layer', async () => {
    const result = await readPdfText(digitalPdf([]));
    expect(result).toEqual({ ok: true, lines: [] });
  });
});
