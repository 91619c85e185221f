'use server';

import { revalidatePath } from 'next/cache';
import { tenantAction } from '@/lib/actions/tenant-action';
import { pdpaSettingsSchema, updatePdpaSettings } from '@/lib/pdpa/settings';

export const savePdpaSettingsAction = tenantAction(
  pdpaSettingsSchema,
  async ({ db, ctx, input }) => {
    const saved = await updatePdpaSettings(db, ctx, input);
    revalidatePath('/settings/pdpa');
    return saved;
  },
  { minimumRole: 'admin' },
);
