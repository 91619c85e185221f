import sharp from 'sharp';
import type { RecognizedDocument } from '@/lib/ocr/recognize';
import type { IcCardFields, ReceiptFields } from '@/lib/ocr/types';
import type { Recognizer } from './process';

// What recognizeDocument would answer, for tests about the flow rather than about OCR.

const timings = { preprocessMs: 120, ocrMs: 900, extractMs: 4 };

export function recognizedReceipt(over: { confidence?: number; receipt?: Partial<ReceiptFields> } = {}): RecognizedDocument {
  const receipt: ReceiptFields = {
    merchant: 'Kedai Kopi Aisyah',
    address: 'No 12, Jalan SS2/24, Petaling Jaya',
    date: '2026-03-14',
    total: '45.90',
    currency: 'MYR',
    items: [
      { name: 'Kopi O ais', quantity: 2, amount: '7.00' },
      { name: 'Nasi lemak ayam', quantity: 4, amount: '36.30' },
    ],
    subtotal: '43.30',
    tax: '2.60',
    rounding: '0.00',
    receiptNumber: null,
    paymentMethod: 'Cash',
    cash: '50.00',
    change: '4.10',
    ...over.receipt,
  };
  return {
    ok: true,
    kind: 'receipt',
    confidence: over.confidence ?? 0.92,
    text: `KEDAI KOPI AISYAH\n14/03/2026 12:01\nKopi O ais 2 7.00\nNasi lemak ayam 4 36.30\nSST 6% 2.60\nTOTAL ${receipt.total ?? ''}\nTUNAI 50.00\nBAKI 4.10`,
    icCard: null,
    receipt,
    receiptChecks: { cashChange: true, breakdown: true, items: true },
    source: 'ocr',
    steps: ['grayscale', 'normalise'],
    timings,
  };
}

export function recognizedIc(over: { confidence?: number; icCard?: Partial<IcCardFields> | null } = {}): RecognizedDocument {
  const icCard: IcCardFields | null =
    over.icCard === null ? null : { icNumber: '901231011234', name: 'SITI AMINAH BINTI ABU', dateOfBirth: '1990-12-31', gender: 'F', state: 'MY-01', ...over.icCard };
  return {
    ok: true,
    kind: 'ic_card',
    confidence: over.confidence ?? 0.93,
    text: `KAD PENGENALAN\nMyKad\n${icCard ? '901231-01-1234' : '90123?-0?-????'}\nSITI AMINAH BINTI ABU\nNO 3 JALAN MAWAR\n81200 JOHOR BAHRU`,
    icCard,
    receipt: null,
    receiptChecks: null,
    source: 'ocr',
    steps: ['grayscale'],
    timings,
  };
}

export function recognizedUnknown(): RecognizedDocument {
  return { ok: true, kind: 'unknown', confidence: 0, text: 'Happy birthday!', icCard: null, receipt: null, receiptChecks: null, source: 'ocr', steps: [], timings };
}

// Answers the given documents in turn (the last one again after that), whatever the bytes.
export function recognizerOf(...documents: RecognizedDocument[]): Recognizer & { calls: number } {
  const fn = Object.assign(
    async () => {
      const doc = documents[Math.min(fn.calls, documents.length - 1)];
      fn.calls += 1;
      if (!doc) throw new Error('recognizerOf needs a document');
      return doc;
    },
    { calls: 0 },
  );
  return fn;
}

let photoCounter = 0;

// A small PNG no other call returns (the same bytes twice are a duplicate file).
export async function uniquePhoto(): Promise<Buffer> {
  photoCounter += 1;
  const n = photoCounter + (Date.now() % 1000) * 1000;
  return sharp({ create: { width: 16, height: 16, channels: 3, background: { r: n % 256, g: Math.floor(n / 256) % 256, b: Math.floor(n / 65536) % 256 } } })
    .png()
    .toBuffer();
}
