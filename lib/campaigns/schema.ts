import { z } from 'zod';
import { campaignStatuses, campaignTypes, recipientStatuses } from '@/db/schema';
import { listQuerySchema } from '@/lib/api/pagination';

// What the campaign builder and POST/PATCH /api/v1/campaigns accept.

export const CAMPAIGN_NAME_MAX = 120;
export const CAMPAIGN_TEXT_MAX = 4096;
export const MAX_AUDIENCE_IDS = 10_000;
// WhatsApp's caption limit (1,024) less room for the opt-out line.
export const CAPTION_MAX = 900;

// The variables a message may use; anything else in {{ }} is refused when saving.
export const campaignVariables = ['customer_name', 'first_name', 'tier', 'total_spent', 'business_name'] as const;
export type CampaignVariable = (typeof campaignVariables)[number];
export type CampaignVariables = Record<CampaignVariable, string>;

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

// The {{names}} in a text that are not campaign variables.
export function unknownVariables(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((m) => m[1] ?? '').filter((name) => !(campaignVariables as readonly string[]).includes(name));
}

const withKnownVariables = (s: z.ZodString) =>
  s.refine((text) => unknownVariables(text).length === 0, {
    error: (issue) => `Unknown variable {{${unknownVariables(String(issue.input))[0]}}}. Use ${campaignVariables.map((v) => `{{${v}}}`).join(', ')}.`,
  });

const ids = (what: string) => z.array(z.uuid(`Each ${what} must be an id.`)).max(MAX_AUDIENCE_IDS, `At most ${MAX_AUDIENCE_IDS} ${what}s.`);

export const campaignAudienceSchema = z.object({
  segmentIds: ids('segment').optional(),
  customerIds: ids('customer').optional().describe('Hand-picked customers, added to the segments'),
  excludeCustomerIds: ids('customer').optional().describe('Never sent to, whatever the segments say'),
});

const textMessage = z.object({
  text: withKnownVariables(z.string().trim().min(1, 'Write the message.').max(CAMPAIGN_TEXT_MAX, 'WhatsApp allows at most 4,096 characters.')).describe(
    'Free-form text with {{customer_name}}-style variables; only reaches customers whose 24-hour window is open',
  ),
  mediaId: z.uuid().optional().describe('An image or video (a stored media id) sent with the text as its caption'),
}).refine((m) => !m.mediaId || m.text.length <= CAPTION_MAX, { error: `With an image or video the text is its caption: at most ${CAPTION_MAX} characters.`, path: ['text'] });
const templateMessage = z.object({
  templateId: z.uuid(),
  parameters: z
    .array(withKnownVariables(z.string().trim().min(1, 'Fill in every parameter.').max(1024)))
    .max(20)
    .default([])
    .describe('Body parameters {{1}}, {{2}}, … in order: literal text or a variable such as {{customer_name}}'),
});
export const campaignMessageSchema = z.union([textMessage, templateMessage]);

export const campaignTriggerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('birthday') }),
  z.object({ type: z.literal('inactive'), days: z.number().int().min(1).max(3650) }),
  z.object({ type: z.literal('tier_up'), tier: z.enum(['silver', 'gold', 'platinum']).optional() }),
]);

const moment = z.iso.datetime({ offset: true, error: 'Use an ISO date and time, e.g. 2026-12-01T09:00:00+08:00.' });

const fields = {
  name: z.string({ error: 'Give the campaign a name.' }).trim().min(1, 'Give the campaign a name.').max(CAMPAIGN_NAME_MAX, `Use at most ${CAMPAIGN_NAME_MAX} characters.`),
  objective: z.string().trim().max(500).nullable().optional(),
  type: z.enum(campaignTypes).describe('marketing needs granted consent and gets the opt-out line; service does not'),
  channelId: z.uuid(),
  audience: campaignAudienceSchema,
  message: campaignMessageSchema,
  scheduledAt: moment.nullable().optional().describe('Start later (launch makes it scheduled); absent or past: launch starts now'),
  endsAt: moment.nullable().optional().describe('Nothing is sent after this; the rest are skipped (campaign_ended)'),
  trigger: campaignTriggerSchema.nullable().optional(),
  attributionDays: z.number().int().min(1).max(90).optional().describe('A purchase within this many days after delivery converts (default 7)'),
};

const endsAfterStart = (v: { scheduledAt?: string | null; endsAt?: string | null }) => !v.scheduledAt || !v.endsAt || Date.parse(v.endsAt) > Date.parse(v.scheduledAt);
const endsAfterStartIssue = { error: 'The end must be after the start.', path: ['endsAt'] };

export const campaignCreateSchema = z.object(fields).refine(endsAfterStart, endsAfterStartIssue);
export type CampaignCreateInput = z.infer<typeof campaignCreateSchema>;

export const campaignUpdateSchema = z
  .object({
    name: fields.name.optional(),
    objective: fields.objective,
    type: fields.type.optional(),
    channelId: fields.channelId.optional(),
    audience: fields.audience.optional(),
    message: fields.message.optional(),
    scheduledAt: fields.scheduledAt,
    endsAt: fields.endsAt,
    trigger: fields.trigger,
    attributionDays: fields.attributionDays,
  })
  .refine(endsAfterStart, endsAfterStartIssue);
export type CampaignUpdateInput = z.infer<typeof campaignUpdateSchema>;

export const campaignListQuerySchema = listQuerySchema.extend({ status: z.enum(campaignStatuses).optional() });

export const recipientListQuerySchema = listQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  status: z.enum(recipientStatuses).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export const campaignEstimateSchema = z.object({
  type: fields.type,
  channelId: fields.channelId,
  audience: campaignAudienceSchema,
  message: campaignMessageSchema,
});
export type CampaignEstimateInput = z.infer<typeof campaignEstimateSchema>;

export const campaignPreviewSchema = z.object({
  type: fields.type,
  message: campaignMessageSchema,
  customerId: z.uuid().optional(),
});
