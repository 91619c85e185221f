import type { OcrJob } from '@/db/schema';
import type { OcrOutcome } from '@/lib/ocr-jobs/extracted';

// Words for OCR jobs in the dashboard; free of server imports so client components can use them.

export const statusLabels: Record<OcrJob['status'], string> = {
  queued: 'Queued',
  processing: 'Reading',
  completed: 'Done',
  review: 'To review',
  approved: 'Approved',
  rejected: 'Rejected',
  failed: 'Failed',
};

export const statusVariants: Record<OcrJob['status'], 'secondary' | 'success' | 'warning' | 'destructive' | 'outline'> = {
  queued: 'secondary',
  processing: 'secondary',
  completed: 'success',
  review: 'warning',
  approved: 'success',
  rejected: 'outline',
  failed: 'destructive',
};

export const kindLabels: Record<NonNullable<OcrJob['kind']>, string> = { receipt: 'Receipt', ic_card: 'IC card', unknown: 'Other' };

export const sourceLabels: Record<OcrJob['source'], string> = { whatsapp: 'WhatsApp', api: 'API', dashboard: 'Dashboard' };

export const outcomeLabels: Record<OcrOutcome, string> = {
  read: 'Read (API)',
  purchase_recorded: 'Purchase recorded',
  duplicate_receipt: 'Receipt already recorded',
  duplicate_file: 'Same photo sent before',
  in_review: 'Waiting for review',
  ic_saved: 'IC saved to the profile',
  ic_duplicate: 'IC held by another customer (flagged)',
  ic_invalid: 'IC number not valid',
  needs_consent: 'IC not kept: no consent',
  unrecognised: 'Not a receipt or IC card',
  rejected: 'Rejected by a reviewer',
};

export const confidenceText = (confidence: number | null) => (confidence === null ? '—' : `${Math.round(confidence * 100)}%`);
