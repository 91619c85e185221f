'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { saveTierSettings } from '@/lib/purchases/save-tier-settings';
import { tierSettingsSchema } from '@/lib/purchases/tier-settings';

export const saveTierSettingsAction = tenantAction(
  tierSettingsSchema,
  async ({ db, ctx, input }) => {
    const saved = await saveTierSettings(db, ctx, input);
    revalidatePath('/settings/tiers');
    revalidatePath('/customers');
    return saved;
  },
  { minimumRole: 'admin' },
);
