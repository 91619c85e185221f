'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { tenantAction } from '@/lib/actions/tenant-action';
import { decodeCursor } from '@/lib/api/pagination';
import { changeConsent, consentHistoryPage, manualConsentSchema } from '@/lib/consent/manual';

const customerId = z.uuid();

// The customer page's consent panel: owners and admins record a change with a reason.
export const changeConsentAction = tenantAction(
  manualConsentSchema.pick({ status: true, reason: true }).extend({ customerId }),
  async ({ db, ctx, input: { customerId: id, ...change } }) => {
    const event = await changeConsent(db, ctx, id, change);
    revalidatePath(`/customers/${id}`);
    return event;
  },
  { minimumRole: 'admin', message: 'Consent change recorded.' },
);

export const loadOlderConsentEventsAction = tenantAction(z.object({ customerId, cursor: z.string().max(200) }), ({ db, ctx, input }) =>
  consentHistoryPage(db, ctx, input.customerId, { after: decodeCursor(input.cursor) }),
);
