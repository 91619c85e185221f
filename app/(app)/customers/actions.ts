'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { tenantAction } from '@/lib/actions/tenant-action';
import { MAX_CUSTOMERS_PER_DELETE, deleteCustomers } from '@/lib/customers/delete';

// The selected rows arrive as one comma-separated field.
const bulkDeleteFormSchema = z.object({
  customerIds: z
    .string()
    .transform((raw) => raw.split(',').filter(Boolean))
    .pipe(z.array(z.uuid()).min(1, 'Select at least one customer.').max(MAX_CUSTOMERS_PER_DELETE)),
});

export const deleteCustomersAction = tenantAction(
  bulkDeleteFormSchema,
  async ({ db, ctx, input }) => {
    const result = await deleteCustomers(db, ctx, input.customerIds);
    revalidatePath('/customers');
    return result;
  },
  { minimumRole: 'admin' },
);
