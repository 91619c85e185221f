'use server';

import { tenantAction } from '@/lib/actions/tenant-action';
import { approveIcCard, approveReceipt, rejectOcrJob } from '@/lib/ocr-jobs/review';
import { icReviewFormSchema, receiptReviewFormSchema, rejectFormSchema } from '@/lib/ocr-jobs/review-form';

// The review queue's decisions; roles are checked in lib (receipts: any member; IC cards:
// owners and admins). Nothing is revalidated here: the form shows its toast and then goes back
// to the queue, which is rendered afresh (revalidating would re-render the job's page first and
// unmount the form before it could).

export const approveReceiptAction = tenantAction(receiptReviewFormSchema, async ({ db, ctx, input: { id, ...fields } }) => approveReceipt(db, ctx, id, fields));

export const approveIcCardAction = tenantAction(icReviewFormSchema, async ({ db, ctx, input: { id, ...fields } }) => approveIcCard(db, ctx, id, fields));

export const rejectOcrJobAction = tenantAction(rejectFormSchema, async ({ db, ctx, input: { id, note } }) => rejectOcrJob(db, ctx, id, { note }));
