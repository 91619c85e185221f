import type { ConsentStatus, OcrJob } from '@/db/schema';
import type { ReplyLanguage } from '@/lib/consent/keywords';
import { maskMyKadNumbers } from '@/lib/mykad';
import type { RecognizedDocument } from '@/lib/ocr/recognize';
import type { ParsedPurchaseInput } from '@/lib/purchases/input';
import { receiptPurchase } from './apply';
import { type Extracted, type OcrOutcome, storeIcCard, storeReceipt } from './extracted';
import { type ReadFailure, icNeedsConsentReply, inReviewReply, readFailedReply, receiptDuplicateReply, unrecognisedReply } from './replies';

// The rules for one read, before anything is written: what the job becomes and what to do.
// Pure, so every branch is unit-tested; process.ts carries out the 'receipt' and 'ic' actions.

export type Read =
  | { ok: true; document: RecognizedDocument }
  | { ok: false; reason: ReadFailure; message: string }
  // The same file is already a recorded purchase (or waits in review) from an earlier job.
  | { ok: 'duplicate_file'; earlier: Pick<OcrJob, 'id' | 'status' | 'purchaseId'> };

export interface JobFields {
  status: OcrJob['status'];
  kind: OcrJob['kind'];
  text: string | null;
  confidence: number | null;
  extracted: Extracted;
  failureReason: string | null;
}

export type Decision =
  | { action: 'finish'; fields: JobFields; reply: string | null }
  // Record the purchase / save the IC; the fields say what the job holds if it works.
  | { action: 'receipt'; fields: JobFields; input: ParsedPurchaseInput }
  | { action: 'ic'; fields: JobFields; icNumber: string };

export interface DecideContext {
  job: Pick<OcrJob, 'id' | 'mediaId'>;
  // null: an API upload, which is only read.
  customer: { consentStatus: ConsentStatus } | null;
  language: ReplyLanguage;
  threshold: number;
  now: Date;
}

const base = (extracted: Partial<Extracted>): Extracted => ({ steps: [], receiptChecks: null, icCard: null, receipt: null, problems: [], ...extracted });

function failed(read: Extract<Read, { ok: false }>, ctx: DecideContext): Decision {
  const fields: JobFields = { status: 'failed', kind: null, text: null, confidence: null, extracted: base({}), failureReason: read.message };
  return { action: 'finish', fields, reply: ctx.customer ? readFailedReply(ctx.language, read.reason) : null };
}

function duplicateFile(read: Extract<Read, { ok: 'duplicate_file' }>, ctx: DecideContext): Decision {
  const waiting = read.earlier.status === 'review';
  const extracted = base({ outcome: 'duplicate_file', duplicateOfJobId: read.earlier.id, ...(read.earlier.purchaseId ? { existingPurchaseId: read.earlier.purchaseId } : {}) });
  const fields: JobFields = { status: 'completed', kind: 'receipt', text: null, confidence: null, extracted, failureReason: null };
  // Sent again while a person checks the first copy: it is still being checked.
  const reply = waiting ? inReviewReply.receipt[ctx.language] : receiptDuplicateReply[ctx.language];
  return { action: 'finish', fields, reply: ctx.customer ? reply : null };
}

export function decide(read: Read, ctx: DecideContext): Decision {
  if (read.ok === false) return failed(read, ctx);
  if (read.ok === 'duplicate_file') return duplicateFile(read, ctx);
  const doc = read.document;
  const common = { source: doc.source, steps: doc.steps, receiptChecks: doc.receiptChecks ? { ...doc.receiptChecks } : null };
  const fields = (status: JobFields['status'], outcome: OcrOutcome, extracted: Partial<Extracted> = {}, text: string | null = maskMyKadNumbers(doc.text, ctx.now)): JobFields => ({
    status,
    kind: doc.kind,
    text,
    confidence: doc.confidence,
    extracted: base({ ...common, outcome, ...extracted }),
    failureReason: null,
  });
  const finish = (f: JobFields, reply: string | null): Decision => ({ action: 'finish', fields: f, reply: ctx.customer ? reply : null });
  const sure = doc.confidence >= ctx.threshold;

  if (doc.kind === 'ic_card') {
    if (!ctx.customer) return finish(fields('completed', 'read', { icCard: doc.icCard && storeIcCard(doc.icCard) }), null);
    // Without consent nothing of the card is kept: not the number, not the text.
    if (ctx.customer.consentStatus !== 'granted') return finish(fields('completed', 'needs_consent', {}, null), icNeedsConsentReply(ctx.language, ctx.customer.consentStatus));
    const icCard = doc.icCard && storeIcCard(doc.icCard);
    if (!doc.icCard || !sure) {
      const problems = doc.icCard ? [`Read with confidence ${doc.confidence.toFixed(2)}, below ${ctx.threshold.toFixed(2)}.`] : ['The IC number could not be read.'];
      return finish(fields('review', 'in_review', { icCard, problems }), inReviewReply.ic_card[ctx.language]);
    }
    return { action: 'ic', fields: fields('completed', 'ic_saved', { icCard }), icNumber: doc.icCard.icNumber };
  }

  if (doc.kind === 'receipt' && doc.receipt) {
    const receipt = storeReceipt(doc.receipt);
    if (!ctx.customer) return finish(fields('completed', 'read', { receipt }), null);
    const purchase = receiptPurchase({ ...ctx.job, confidence: doc.confidence }, receipt);
    const problems = [...(sure ? [] : [`Read with confidence ${doc.confidence.toFixed(2)}, below ${ctx.threshold.toFixed(2)}.`]), ...(purchase.ok ? [] : purchase.problems)];
    if (!purchase.ok || !sure) return finish(fields('review', 'in_review', { receipt, problems }), inReviewReply.receipt[ctx.language]);
    return { action: 'receipt', fields: fields('completed', 'purchase_recorded', { receipt }), input: purchase.input };
  }

  return finish(fields('completed', ctx.customer ? 'unrecognised' : 'read'), unrecognisedReply[ctx.language]);
}
