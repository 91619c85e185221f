'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { tenantAction } from '@/lib/actions/tenant-action';
import { decodeCursor } from '@/lib/api/pagination';
import { correctCustomer, customerCorrectionShape } from '@/lib/customers/correction';
import { customerJson } from '@/lib/customers/customers';
import { CUSTOMER_TIMELINE_PAGE } from '@/lib/customers/detail';
import { closeCustomerFlag } from '@/lib/customers/flags';
import { revealCustomerIc } from '@/lib/customers/reveal-ic';
import { getCustomerTimeline } from '@/lib/customers/timeline';

const customerId = z.uuid();

// The profile form sends every field; an empty IC box means "keep the number on file".
const profileFormSchema = z.object({
  ...customerCorrectionShape,
  customerId,
  icNumber: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), customerCorrectionShape.icNumber),
});

export const correctCustomerAction = tenantAction(
  profileFormSchema,
  async ({ db, ctx, input: { customerId: id, ...correction } }) => {
    const customer = customerJson(await correctCustomer(db, ctx, id, correction));
    revalidatePath(`/customers/${id}`);
    return customer;
  },
  { message: 'Profile saved.' },
);

export const revealIcAction = tenantAction(z.object({ customerId }), ({ db, ctx, input }) => revealCustomerIc(db, ctx, input.customerId), { minimumRole: 'admin' });

export const closeFlagAction = tenantAction(z.object({ flagId: z.uuid(), status: z.enum(['resolved', 'dismissed']) }), async ({ db, ctx, input }) => {
  await closeCustomerFlag(db, ctx, input.flagId, input.status);
  return { flagId: input.flagId };
});

export const loadOlderCustomerMessagesAction = tenantAction(z.object({ customerId, cursor: z.string().max(200) }), ({ db, ctx, input }) =>
  getCustomerTimeline(db, ctx, input.customerId, { before: decodeCursor(input.cursor), limit: CUSTOMER_TIMELINE_PAGE }),
);
