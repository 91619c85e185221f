import { extractTextItems, getDocumentProxy } from 'unpdf';
import type { OcrLine } from './types';

// E-receipts are a page or two; a longer PDF is a statement or a report, not a receipt.
const MAX_PAGES = 5;

interface PdfItem {
  str: string;
  x: number;
  y: number;
  height: number;
}

// Text items on one baseline (within half a line height) form a line, left to right; lines
// run top to bottom (PDF y grows upwards). Boxes are in PDF points, flipped to grow downwards.
function itemsToLines(items: PdfItem[], pageOffset: number): OcrLine[] {
  const rows: PdfItem[][] = [];
  const sorted = items.filter((i) => i.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  for (const item of sorted) {
    const row = rows.find((r) => Math.abs(r[0]!.y - item.y) <= Math.max(2, r[0]!.height / 2));
    if (row) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const height = Math.max(...row.map((i) => i.height), 1);
    const top = pageOffset - row[0]!.y - height;
    return {
      text: row.map((i) => i.str.trim()).join('   '),
      confidence: 1,
      box: { x0: row[0]!.x, y0: top, x1: Math.max(...row.map((i) => i.x)), y1: top + height },
    };
  });
}

export type PdfText = { ok: true; lines: OcrLine[] } | { ok: false; pages: number };

// The text layer of a digital PDF as lines; no lines for a scan with no text in it.
export async function readPdfText(bytes: Buffer): Promise<PdfText> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    if (pdf.numPages > MAX_PAGES) return { ok: false, pages: pdf.numPages };
    const { items } = await extractTextItems(pdf);
    const lines = items.flatMap((page, index) =>
      itemsToLines(page.map(({ str, x, y, height, fontSize }) => ({ str, x, y, height: height || fontSize })), (index + 1) * 10_000),
    );
    return { ok: true, lines };
  } finally {
    await pdf.loadingTask.destroy();
  }
}
