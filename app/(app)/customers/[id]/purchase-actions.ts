'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { tenantAction } from '@/lib/actions/tenant-action';
import { AppError } from '@/lib/errors';
import { correctPurchase, deletePurchase } from '@/lib/purchases/corrections';
import { purchaseInputSchema, purchasePatchSchema } from '@/lib/purchases/input';
import { recordPurchase } from '@/lib/purchases/record';

const customerId = z.uuid();
const duplicate = () => AppError.field('conflict', 'receiptNumber', 'This receipt is already recorded for a customer of yours.');

// Any member may record a purchase typed in from a receipt.
export const recordPurchaseAction = tenantAction(
  purchaseInputSchema.pick({ date: true, total: true, merchant: true, receiptNumber: true, paymentMethod: true }).extend({ customerId }),
  async ({ db, ctx, input }) => {
    const result = await recordPurchase(db, ctx, { ...input, source: 'manual' });
    if (!result.ok) throw duplicate();
    revalidatePath(`/customers/${input.customerId}`);
    return { tierChange: result.tierChange };
  },
);

export const correctPurchaseAction = tenantAction(
  purchasePatchSchema.pick({ date: true, total: true, merchant: true, receiptNumber: true }).extend({ customerId, purchaseId: z.uuid() }),
  async ({ db, ctx, input: { customerId: id, purchaseId, ...patch } }) => {
    const result = await correctPurchase(db, ctx, purchaseId, patch);
    if (!result.ok) throw duplicate();
    revalidatePath(`/customers/${id}`);
    return { tierChange: result.tierChange };
  },
  { minimumRole: 'admin' },
);

export const deletePurchaseAction = tenantAction(
  z.object({ customerId, purchaseId: z.uuid() }),
  async ({ db, ctx, input }) => {
    await deletePurchase(db, ctx, input.purchaseId);
    revalidatePath(`/customers/${input.customerId}`);
  },
  { minimumRole: 'admin', message: 'Purchase deleted.' },
);
