'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { jsonField } from '@/lib/actions/json-field';
import { tenantAction } from '@/lib/actions/tenant-action';
import { estimateAudience } from '@/lib/campaigns/audience';
import { createCampaign, updateCampaign } from '@/lib/campaigns/campaigns';
import { cancelCampaign, launchCampaign, pauseCampaign, resumeCampaign } from '@/lib/campaigns/lifecycle';
import { storeCampaignMedia } from '@/lib/campaigns/media-upload';
import { estimateDurationSeconds, previewCampaign } from '@/lib/campaigns/render';
import { campaignCreateSchema, campaignEstimateSchema, campaignPreviewSchema } from '@/lib/campaigns/schema';
import { loadChannel } from '@/lib/channels/channels';
import { listCustomers } from '@/lib/customers/list';
import { customerListQuerySchema } from '@/lib/customers/list-query';

// The builder and the campaign page post their input as JSON in one field, `payload`
// (audiences and template parameters are lists, which FormData would flatten).
const payload = <S extends z.ZodType>(schema: S) => z.object({ payload: jsonField('The request', schema) });

const admin = { minimumRole: 'admin' } as const;

export const estimateAudienceAction = tenantAction(payload(campaignEstimateSchema), ({ db, ctx, input }) => estimateAudience(db, ctx, input.payload));

// The review step: the message for one customer, the count and how long sending takes.
export const reviewCampaignAction = tenantAction(payload(campaignEstimateSchema.extend({ customerId: campaignPreviewSchema.shape.customerId })), async ({ db, ctx, input }) => {
  const { type, message, customerId } = input.payload;
  const [preview, estimate, channel] = await Promise.all([previewCampaign(db, ctx, { type, message, customerId }), estimateAudience(db, ctx, input.payload), loadChannel(db, ctx, input.payload.channelId)]);
  return { preview, estimate, sendRatePerSecond: channel.sendRatePerSecond, durationSeconds: estimateDurationSeconds(estimate.eligible, channel.sendRatePerSecond) };
});

// The builder's customer picker: a few customers by name or number (the customers list's search).
export const searchCustomersAction = tenantAction(z.object({ search: z.string().trim().min(2).max(100) }), async ({ db, ctx, input }) => {
  const found = await listCustomers(db, ctx, customerListQuerySchema.parse({ search: input.search, sort: 'name', limit: 8 }));
  return found.rows.map((c) => ({ id: c.id, name: c.name, phone: c.phone }));
});

// The message step's image or video, posted as FormData with one `file`; the bytes decide
// its type (lib/campaigns/media-upload.ts).
export const uploadCampaignMediaAction = tenantAction(
  z.object({ file: z.instanceof(File, { error: 'Choose an image or a video.' }) }),
  async ({ db, ctx, input }) => storeCampaignMedia(db, ctx, { bytes: Buffer.from(await input.file.arrayBuffer()), fileName: input.file.name }),
  admin,
);

// Creates the campaign as a draft, or saves changes to one (`id`).
export const saveCampaignAction = tenantAction(
  payload(z.object({ id: z.uuid().nullable(), campaign: campaignCreateSchema })),
  async ({ db, ctx, input }) => {
    const { id, campaign } = input.payload;
    const saved = id ? await updateCampaign(db, ctx, id, campaign) : await createCampaign(db, ctx, campaign);
    revalidatePath('/campaigns');
    return saved;
  },
  admin,
);

const lifecycle = { launch: launchCampaign, pause: pauseCampaign, resume: resumeCampaign } as const;

function refreshPages(id: string) {
  revalidatePath('/campaigns');
  revalidatePath(`/campaigns/${id}`);
}

export const campaignLifecycleAction = tenantAction(
  payload(z.object({ id: z.uuid(), action: z.enum(['launch', 'pause', 'resume']) })),
  async ({ db, ctx, input }) => {
    const view = await lifecycle[input.payload.action](db, ctx, input.payload.id);
    refreshPages(input.payload.id);
    return view;
  },
  admin,
);

// Behind a confirmation (ConfirmActionButton), so its outcome is a toast message. The page is
// refreshed by the button once the toast is up: revalidating here would remove the button (a
// cancelled campaign has none) before it could say anything.
export const cancelCampaignAction = tenantAction(
  payload(z.object({ id: z.uuid() })),
  ({ db, ctx, input }) => cancelCampaign(db, ctx, input.payload.id),
  { ...admin, message: 'Campaign cancelled: nothing more is sent.' },
);
