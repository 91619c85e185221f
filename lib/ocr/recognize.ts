import { classifyDocument } from './classify';
import { type OcrEngine, ocrEngine } from './engine';
import { extractIcCard } from './ic-card';
import { checkInput } from './input';
import { readPdfText } from './pdf';
import { preprocessImage } from './preprocess';
import { extractReceipt } from './receipt';
import type { TotalChecks } from './receipt-total';
import type { DocumentKind, IcCardFields, OcrFailure, OcrLine, ReceiptFields } from './types';

export interface OcrTimings {
  preprocessMs: number;
  ocrMs: number;
  extractMs: number;
}

export interface RecognizedDocument {
  ok: true;
  kind: DocumentKind;
  // 0..1, for the review threshold: how sure we are of the kind and of the fields a user relies
  // on (IC number; receipt total, cross-checked).
  confidence: number;
  text: string;
  icCard: IcCardFields | null;
  receipt: ReceiptFields | null;
  // Which cross-checks of a receipt's total agreed (null: not possible on this receipt).
  receiptChecks: TotalChecks | null;
  // 'pdf_text' when a digital PDF's text layer was read instead of running OCR.
  source: 'ocr' | 'pdf_text';
  // What preprocessing did, for the OCR log.
  steps: string[];
  timings: OcrTimings;
}

export type RecognizeResult = RecognizedDocument | (OcrFailure & { timings: OcrTimings });

export interface RecognizeOptions {
  // The type the sender declared; only used in messages, the bytes decide.
  mimeType?: string;
  // "Today" for date plausibility and MyKad centuries (tests).
  today?: Date;
  engine?: OcrEngine;
}

const since = (start: number) => Math.round(performance.now() - start);

function extract(lines: OcrLine[], today: Date) {
  const ic = extractIcCard(lines, today);
  const classification = classifyDocument(lines, ic ? (ic.dashed ? 'dashed' : 'plain') : null);
  if (classification.kind === 'ic_card') {
    const confidence = ic ? ic.confidence * (0.6 + 0.4 * classification.confidence) : 0.2 * classification.confidence;
    return { kind: classification.kind, confidence, icCard: ic?.fields ?? null, receipt: null, receiptChecks: null };
  }
  if (classification.kind === 'receipt') {
    const receipt = extractReceipt(lines, today);
    const confidence = receipt.confidence * (0.6 + 0.4 * classification.confidence);
    return { kind: classification.kind, confidence, icCard: null, receipt: receipt.fields, receiptChecks: receipt.checks };
  }
  return { kind: classification.kind, confidence: 0, icCard: null, receipt: null, receiptChecks: null };
}

// One file in, the document it shows out: checked, decoded, OCR'd (or its PDF text layer
// read), classified and its fields extracted. Every failure comes back as a reason, never as
// a thrown error, so a job can record it.
export async function recognizeDocument(bytes: Buffer, options: RecognizeOptions = {}): Promise<RecognizeResult> {
  const timings: OcrTimings = { preprocessMs: 0, ocrMs: 0, extractMs: 0 };
  const today = options.today ?? new Date();
  const input = await checkInput(bytes, options.mimeType);
  if (!input.ok) return { ...input, timings };

  let lines: OcrLine[];
  let text: string;
  let steps: string[] = [];
  let source: RecognizedDocument['source'] = 'ocr';
  if (input.type === 'application/pdf') {
    const started = performance.now();
    const pdf = await readPdfText(bytes).catch(() => null);
    timings.preprocessMs = since(started);
    if (!pdf) return { ok: false, reason: 'unreadable', message: 'The PDF could not be read; it may be damaged or encrypted.', timings };
    if (!pdf.ok) return { ok: false, reason: 'too_many_pages', message: `The PDF has ${pdf.pages} pages; a receipt has at most 5.`, timings };
    if (pdf.lines.length === 0) {
      return { ok: false, reason: 'pdf_no_text', message: 'The PDF has no text layer (a scan); send it as a photo instead.', timings };
    }
    lines = pdf.lines;
    text = lines.map((l) => l.text).join('\n');
    source = 'pdf_text';
  } else {
    let started = performance.now();
    const prepared = await preprocessImage(bytes).catch(() => null);
    timings.preprocessMs = since(started);
    if (!prepared) return { ok: false, reason: 'unreadable', message: 'The image could not be decoded; it may be damaged or incomplete.', timings };
    steps = prepared.steps;
    started = performance.now();
    const page = await (options.engine ?? ocrEngine()).recognize(prepared.png).catch(() => null);
    timings.ocrMs = since(started);
    if (!page) return { ok: false, reason: 'ocr_failed', message: 'Text recognition failed on this image.', timings };
    lines = page.lines;
    text = page.text;
  }

  const started = performance.now();
  const result = extract(lines, today);
  timings.extractMs = since(started);
  return { ok: true, ...result, confidence: Math.round(result.confidence * 100) / 100, text, source, steps, timings };
}
