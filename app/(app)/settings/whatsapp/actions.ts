'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { tenantAction } from '@/lib/actions/tenant-action';
import { createChannel, deleteChannel, updateChannel } from '@/lib/channels/channels';
import { testChannelConnection } from '@/lib/channels/connection';
import { channelUpdateSchema, cloudChannelInputSchema, wabotChannelInputSchema } from '@/lib/channels/input';

// An empty form field means "not given": optional fields take their default, and a secret
// left blank on the edit form stays as it is.
const fromForm = <S extends z.ZodType>(schema: S) =>
  z.preprocess((values) => (typeof values === 'object' && values !== null ? Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')) : values), schema);

const done = <T>(value: T) => {
  revalidatePath('/settings/whatsapp');
  return value;
};

export const createCloudChannelAction = tenantAction(
  fromForm(cloudChannelInputSchema),
  async ({ db, ctx, input }) => done(await createChannel(db, ctx, input)),
  { minimumRole: 'admin', message: 'Cloud API channel added.' },
);

export const createWabotChannelAction = tenantAction(
  fromForm(wabotChannelInputSchema),
  async ({ db, ctx, input }) => done(await createChannel(db, ctx, input)),
  { minimumRole: 'admin', message: 'wabot gateway added.' },
);

export const updateChannelAction = tenantAction(
  fromForm(channelUpdateSchema.extend({ id: z.uuid() })),
  async ({ db, ctx, input: { id, ...changes } }) => done(await updateChannel(db, ctx, id, changes)),
  { minimumRole: 'admin', message: 'Channel saved.' },
);

export const deleteChannelAction = tenantAction(
  z.object({ id: z.uuid() }),
  async ({ db, ctx, input }) => done(await deleteChannel(db, ctx, input.id)),
  { minimumRole: 'admin', message: 'Channel deleted.' },
);

export const testChannelAction = tenantAction(
  z.object({ id: z.uuid() }),
  async ({ db, ctx, input }) => done(await testChannelConnection(db, ctx, input.id)),
  { minimumRole: 'admin' },
);
