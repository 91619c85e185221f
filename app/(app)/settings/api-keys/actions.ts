'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { tenantAction } from '@/lib/actions/tenant-action';
import { apiKeyInputSchema, createApiKey, revokeApiKey } from '@/lib/api-keys/api-keys';

export const createApiKeyAction = tenantAction(
  apiKeyInputSchema,
  async ({ db, ctx, input }) => {
    const { apiKey, secret } = await createApiKey(db, ctx, input);
    revalidatePath('/settings/api-keys');
    return { name: apiKey.name, secret };
  },
  { minimumRole: 'admin' },
);

export const revokeApiKeyAction = tenantAction(
  z.object({ id: z.uuid() }),
  async ({ db, ctx, input }) => {
    await revokeApiKey(db, ctx, input.id);
    revalidatePath('/settings/api-keys');
  },
  { minimumRole: 'admin', message: 'API key revoked.' },
);
