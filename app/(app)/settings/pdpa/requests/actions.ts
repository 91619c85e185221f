'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { tenantAction } from '@/lib/actions/tenant-action';
import { dataRequestFormSchema } from '@/lib/pdpa/forms';
import { createDataRequest, dataRequestPatchSchema, updateDataRequest } from '@/lib/pdpa/requests';

const done = <T>(value: T) => {
  revalidatePath('/settings/pdpa/requests');
  return value;
};

export const createDataRequestAction = tenantAction(dataRequestFormSchema, async ({ db, ctx, input }) => done((await createDataRequest(db, ctx, input)).id), {
  minimumRole: 'admin',
  message: 'Request logged.',
});

export const closeDataRequestAction = tenantAction(
  z.intersection(z.object({ id: z.uuid() }), dataRequestPatchSchema),
  async ({ db, ctx, input: { id, ...patch } }) => done((await updateDataRequest(db, ctx, id, patch)).status),
  { minimumRole: 'admin' },
);
