import { classifyDocument } from './classify';
import { type OcrEngine, ocrEngine } from './engine';
import { extractIcCard } from './ic-card';
import { checkInput } from './input';
import { readPdfText } from './pdf';
import { type PreprocessOptions, defaultPreprocessOptions, preprocessImage, secondLookOptions } from './preprocess';
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

interface Extracted {
  kind: DocumentKind;
  confidence: number;
  icCard: IcCardFields | null;
  receipt: ReceiptFields | null;
  receiptChecks: TotalChecks | null;
}

function extract(lines: OcrLine[], today: Date, otherReads: OcrLine[][] = []): Extracted {
  const ic = extractIcCard(lines, today);
  const classification = classifyDocument(lines, ic ? (ic.dashed ? 'dashed' : 'plain') : null);
  if (classification.kind === 'ic_card') {
    const confidence = ic ? ic.confidence * (0.6 + 0.4 * classification.confidence) : 0.2 * classification.confidence;
    return { kind: classification.kind, confidence, icCard: ic?.fields ?? null, receipt: null, receiptChecks: null };
  }
  if (classification.kind === 'receipt') {
    const receipt = extractReceipt(lines, today, otherReads);
    const confidence = receipt.confidence * (0.6 + 0.4 * classification.confidence);
    return { kind: classification.kind, confidence, icCard: null, receipt: receipt.fields, receiptChecks: receipt.checks };
  }
  return { kind: classification.kind, confidence: 0, icCard: null, receipt: null, receiptChecks: null };
}

// Below this the photo is read a second time, prepared differently (see secondLookOptions).
const SECOND_LOOK_BELOW = 0.7;

// A receipt without a readable date also gets a second look: the date line is often small or
// faint, and the other read may have it (the reads vote on the date as on the total).
const missesDate = (extracted: Extracted) => extracted.kind === 'receipt' && !extracted.receipt?.date;

interface Read {
  extracted: Extracted;
  text: string;
  steps: string[];
}

type Ocr = { ok: true; lines: OcrLine[]; text: string; steps: string[] } | OcrFailure;
type ReadResult = { ok: true; read: Read } | OcrFailure;

async function ocrPass(bytes: Buffer, options: PreprocessOptions, engine: OcrEngine, timings: OcrTimings): Promise<Ocr> {
  let started = performance.now();
  const prepared = await preprocessImage(bytes, options).catch(() => null);
  timings.preprocessMs += since(started);
  if (!prepared) return { ok: false, reason: 'unreadable', message: 'The image could not be decoded; it may be damaged or incomplete.' };
  started = performance.now();
  const page = await engine.recognize(prepared.png).catch(() => null);
  timings.ocrMs += since(started);
  if (!page) return { ok: false, reason: 'ocr_failed', message: 'Text recognition failed on this image.' };
  return { ok: true, lines: page.lines, text: page.text, steps: prepared.steps };
}

function timed<T>(timings: OcrTimings, run: () => T): T {
  const started = performance.now();
  const result = run();
  timings.extractMs += since(started);
  return result;
}

// An unsure first read gets a second look; each read then votes on the other's total, and
// the more confident of the two is kept.
async function readImage(bytes: Buffer, engine: OcrEngine, today: Date, timings: OcrTimings): Promise<ReadResult> {
  const first = await ocrPass(bytes, defaultPreprocessOptions, engine, timings);
  if (!first.ok) return first;
  let best: Read = { extracted: timed(timings, () => extract(first.lines, today)), text: first.text, steps: first.steps };
  if (best.extracted.confidence >= SECOND_LOOK_BELOW && !missesDate(best.extracted)) return { ok: true, read: best };
  const second = await ocrPass(bytes, secondLookOptions, engine, timings);
  if (!second.ok) return { ok: true, read: { ...best, steps: [...best.steps, 'second look'] } };
  const reads: Read[] = timed(timings, () => [
    { extracted: extract(first.lines, today, [second.lines]), text: first.text, steps: [...first.steps, 'second look'] },
    { extracted: extract(second.lines, today, [first.lines]), text: second.text, steps: [...second.steps, 'second look'] },
  ]);
  // The first read with the second's votes knows more than without them; the second read
  // replaces it only when more confident.
  best = reads[1]!.extracted.confidence > reads[0]!.extracted.confidence ? reads[1]! : reads[0]!;
  return { ok: true, read: best };
}

async function readPdf(bytes: Buffer, today: Date, timings: OcrTimings): Promise<ReadResult> {
  const started = performance.now();
  const pdf = await readPdfText(bytes).catch(() => null);
  timings.preprocessMs = since(started);
  if (!pdf) return { ok: false, reason: 'unreadable', message: 'The PDF could not be read; it may be damaged or encrypted.' };
  if (!pdf.ok) return { ok: false, reason: 'too_many_pages', message: `The PDF has ${pdf.pages} pages; a receipt has at most 5.` };
  if (pdf.lines.length === 0) return { ok: false, reason: 'pdf_no_text', message: 'The PDF has no text layer (a scan); send it as a photo instead.' };
  const extracted = timed(timings, () => extract(pdf.lines, today));
  return { ok: true, read: { extracted, text: pdf.lines.map((l) => l.text).join('\n'), steps: [] } };
}

// One file in, the document it shows out: checked, decoded, OCR'd (or its PDF text layer
// read), classified and its fields extracted; an unsure photo is read twice. Every failure
// comes back as a reason, never as a thrown error, so a job can record it.
export async function recognizeDocument(bytes: Buffer, options: RecognizeOptions = {}): Promise<RecognizeResult> {
  const timings: OcrTimings = { preprocessMs: 0, ocrMs: 0, extractMs: 0 };
  const today = options.today ?? new Date();
  const input = await checkInput(bytes, options.mimeType);
  if (!input.ok) return { ...input, timings };
  const isPdf = input.type === 'application/pdf';
  const result = isPdf ? await readPdf(bytes, today, timings) : await readImage(bytes, options.engine ?? ocrEngine(), today, timings);
  if (!result.ok) return { ...result, timings };
  const { extracted, text, steps } = result.read;
  return {
    ok: true,
    ...extracted,
    confidence: Math.round(extracted.confidence * 100) / 100,
    text,
    source: isPdf ? 'pdf_text' : 'ocr',
    steps,
    timings,
  };
}
