import { problemResponse } from '@/lib/api/problem';
import { AppError } from '@/lib/errors';
import type { CorrectPurchaseResult } from './corrections';
import { purchaseJson } from './list';
import type { RecordPurchaseResult } from './record';

type Recorded = Extract<RecordPurchaseResult | CorrectPurchaseResult, { ok: true }>;

// A purchase with what it did to the customer: their spend now, and a tier change if any.
export function purchaseResultJson(result: Recorded) {
  return { ...purchaseJson(result.purchase), customer: result.customer, tierChange: result.tierChange };
}

// 409 problem+json naming the purchase the receipt already is.
export function duplicateReceiptResponse(existingPurchaseId: string): Response {
  const error = new AppError('conflict', `This receipt is already recorded as purchase ${existingPurchaseId}.`);
  return problemResponse(error, undefined, { existingPurchaseId });
}
