'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { approveIcCard, approveReceipt, rejectOcrJob } from '@/lib/ocr-jobs/review';
import { icReviewFormSchema, receiptReviewFormSchema, rejectFormSchema } from '@/lib/ocr-jobs/review-form';

// The review queue's decisions; roles are checked in lib (receipts: any member; IC cards:
// owners and admins).

const done = <T>(id: string, value: T) => {
  revalidatePath('/ocr');
  revalidatePath(`/ocr/${id}`);
  return value;
};

export const approveReceiptAction = tenantAction(receiptReviewFormSchema, async ({ db, ctx, input: { id, ...fields } }) => done(id, await approveReceipt(db, ctx, id, fields)));

export const approveIcCardAction = tenantAction(icReviewFormSchema, async ({ db, ctx, input: { id, ...fields } }) => done(id, await approveIcCard(db, ctx, id, fields)));

export const rejectOcrJobAction = tenantAction(rejectFormSchema, async ({ db, ctx, input: { id, note } }) => done(id, await rejectOcrJob(db, ctx, id, { note })));
