import { z } from 'zod';
import { campaignStatuses, campaignTypes, recipientStatuses } from '@/db/schema';
import {
  campaignAudienceSchema,
  campaignCreateSchema,
  campaignEstimateSchema,
  campaignListQuerySchema,
  campaignMessageSchema,
  campaignPreviewSchema,
  campaignTriggerSchema,
  campaignUpdateSchema,
  recipientListQuerySchema,
} from '@/lib/campaigns/schema';
import type { Operation } from './openapi';
import { listOf } from './schemas';

const count = z.number().int();
const at = z.iso.datetime().nullable();

const campaignStatsSchema = z
  .object({
    total: count,
    queued: count.describe('Waiting or being sent'),
    sent: count.describe('Reached sent or beyond (a funnel)'),
    delivered: count.describe('Delivered or read'),
    read: count,
    failed: count,
    skipped: count.describe('Left out at launch or at the send (reason on each recipient)'),
    clicked: count.describe('Clicked a tracked link at least once'),
    converted: count.describe('Bought within the attribution window after delivery'),
  })
  .meta({ id: 'CampaignStats' });

const campaignSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    objective: z.string().nullable(),
    type: z.enum(campaignTypes),
    channelId: z.uuid(),
    channelName: z.string().nullable(),
    status: z.enum(campaignStatuses),
    audience: campaignAudienceSchema,
    message: campaignMessageSchema,
    trigger: campaignTriggerSchema.nullable(),
    scheduledAt: at,
    endsAt: at,
    attributionDays: count,
    launchedAt: at,
    pausedAt: at,
    completedAt: at,
    cancelledAt: at,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    stats: campaignStatsSchema,
  })
  .meta({ id: 'Campaign' });

const recipientSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string(),
    phone: z.string().nullable(),
    status: z.enum(recipientStatuses),
    reason: z.string().nullable().describe('Why skipped or failed: opted_out, no_consent, undeliverable, window_closed, campaign_ended, cancelled, customer_deleted, marketing_held, unknown_outcome, provider_error, delivery_failed'),
    errorCode: count.nullable().describe("WhatsApp's error code, e.g. 131026"),
    errorTitle: z.string().nullable(),
    queuedAt: z.iso.datetime(),
    sentAt: at,
    deliveredAt: at,
    readAt: at,
    failedAt: at,
    clickedAt: at,
    convertedAt: at,
  })
  .meta({ id: 'CampaignRecipient' });

const estimateSchema = z
  .object({
    total: count.describe('Customers in the audience after exclusions'),
    eligible: count,
    excluded: z.object({ noConsent: count, optedOut: count, undeliverable: count, windowClosed: count }),
    estimatedSeconds: count.describe("At the channel's send rate (the 24-hour limit not counted)"),
  })
  .meta({ id: 'CampaignEstimate' });

const campaignId = z.object({ id: z.uuid() });
const notFound = { description: 'No campaign with that id in this tenant' };
const adminOnly = { description: 'Needs the admin role' };

function lifecycle(action: string, summary: string): Operation {
  return {
    method: 'post',
    path: `/api/v1/campaigns/{id}/${action}`,
    tag: 'Campaigns',
    summary,
    params: campaignId,
    responses: { 200: { description: 'The campaign', schema: campaignSchema }, 403: adminOnly, 404: notFound, 409: { description: 'Not allowed from the current status' } },
  };
}

export const campaignOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/campaigns',
    tag: 'Campaigns',
    summary: 'The campaigns, newest first, with their stats',
    query: campaignListQuerySchema,
    responses: { 200: { description: 'A page of campaigns', schema: listOf(campaignSchema) } },
  },
  {
    method: 'post',
    path: '/api/v1/campaigns',
    tag: 'Campaigns',
    summary: 'Save a draft campaign: audience (segments, customers, exclusions), text with variables or an approved template, optional start and end',
    body: campaignCreateSchema,
    responses: { 201: { description: 'Saved as a draft', schema: campaignSchema }, 403: adminOnly },
  },
  {
    method: 'get',
    path: '/api/v1/campaigns/{id}',
    tag: 'Campaigns',
    summary: 'One campaign with its status and stats { queued, sent, delivered, read, failed, skipped, clicked, converted }',
    params: campaignId,
    responses: { 200: { description: 'The campaign', schema: campaignSchema }, 404: notFound },
  },
  {
    method: 'patch',
    path: '/api/v1/campaigns/{id}',
    tag: 'Campaigns',
    summary: 'Change a draft or scheduled campaign (a new start time reschedules it)',
    params: campaignId,
    body: campaignUpdateSchema,
    responses: { 200: { description: 'The campaign', schema: campaignSchema }, 403: adminOnly, 404: notFound, 409: { description: 'It has started' } },
  },
  {
    method: 'delete',
    path: '/api/v1/campaigns/{id}',
    tag: 'Campaigns',
    summary: 'Delete a draft',
    params: campaignId,
    responses: { 204: { description: 'Deleted' }, 403: adminOnly, 404: notFound, 409: { description: 'Not a draft' } },
  },
  lifecycle('launch', 'Launch: queue the audience and send now, or schedule it for scheduledAt'),
  lifecycle('pause', 'Pause sending (a scheduled campaign waits too)'),
  lifecycle('resume', 'Resume a paused campaign'),
  lifecycle('cancel', 'Cancel: nothing more is sent; recipients still queued are skipped'),
  {
    method: 'get',
    path: '/api/v1/campaigns/{id}/recipients',
    tag: 'Campaigns',
    summary: 'The recipients in queue order with status, reason and error; format=csv downloads them all',
    params: campaignId,
    query: recipientListQuerySchema,
    responses: {
      200: { description: 'A page of recipients (JSON), or the CSV', schema: listOf(recipientSchema) },
      404: notFound,
    },
  },
  {
    method: 'post',
    path: '/api/v1/campaigns/estimate',
    tag: 'Campaigns',
    summary: 'Who an audience and message would reach now, why the others would not, and the duration at the channel rate',
    body: campaignEstimateSchema,
    responses: { 200: { description: 'The estimate', schema: estimateSchema } },
  },
  {
    method: 'post',
    path: '/api/v1/campaigns/preview',
    tag: 'Campaigns',
    summary: 'The message rendered for one customer (given, else the newest), with the opt-out line for marketing',
    body: campaignPreviewSchema,
    responses: { 200: { description: 'The preview', schema: z.object({ customerId: z.uuid().nullable(), customerName: z.string(), text: z.string() }) } },
  },
];
