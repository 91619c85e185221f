'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { tenantAction } from '@/lib/actions/tenant-action';
import { createBreach, updateBreach } from '@/lib/pdpa/breaches';
import { breachFormSchema, breachNotificationFormSchema, myt } from '@/lib/pdpa/forms';

const done = <T>(value: T) => {
  revalidatePath('/settings/pdpa/breaches');
  return value;
};

export const createBreachAction = tenantAction(breachFormSchema, async ({ db, ctx, input }) => done((await createBreach(db, ctx, input)).id), {
  minimumRole: 'admin',
  message: 'Breach recorded. The 72-hour clock is running.',
});

export const recordBreachNotificationAction = tenantAction(
  breachNotificationFormSchema,
  async ({ db, ctx, input }) =>
    done((await updateBreach(db, ctx, input.id, input.who === 'commissioner' ? { commissionerNotifiedAt: myt(input.at) } : { subjectsNotifiedAt: myt(input.at) })).status),
  { minimumRole: 'admin', message: 'Notification recorded.' },
);

export const closeBreachAction = tenantAction(z.object({ id: z.uuid() }), async ({ db, ctx, input }) => done((await updateBreach(db, ctx, input.id, { status: 'closed' })).status), {
  minimumRole: 'admin',
  message: 'Incident closed.',
});
