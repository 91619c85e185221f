'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { tenantAction } from '@/lib/actions/tenant-action';
import { anonymizeCustomer, anonymizeInputSchema } from '@/lib/pdpa/anonymize';
import { hardDeleteCustomer } from '@/lib/pdpa/hard-delete';

const customerId = z.object({ customerId: z.uuid() });

export const anonymizeCustomerAction = tenantAction(
  customerId.extend(anonymizeInputSchema.shape),
  async ({ db, ctx, input }) => {
    const result = await anonymizeCustomer(db, ctx, input.customerId, { reason: input.reason });
    revalidatePath(`/customers/${input.customerId}`);
    return { alreadyAnonymized: result.alreadyAnonymized };
  },
  { minimumRole: 'admin' },
);

// The page is gone afterwards: the panel sends the browser back to the list.
export const deleteCustomerAction = tenantAction(
  customerId,
  async ({ db, ctx, input }) => {
    await hardDeleteCustomer(db, ctx, input.customerId);
    revalidatePath('/customers');
    return { deleted: true };
  },
  { minimumRole: 'admin', message: 'Customer deleted for good.' },
);
