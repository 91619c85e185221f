import { z } from 'zod';
import { messagingLimits } from '@/db/schema';

// Request schemas for channels, shared by the REST API and the settings forms. Sandbox
// channels are made by provisioning, never through these.

const text = (missing: string, max: number) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, `Use at most ${max} characters.`);

// Meta's ids are numeric strings; a sandbox id ("sandbox-…") can never be entered as one.
const metaId = (missing: string) => text(missing, 32).regex(/^\d+$/, 'Use digits only, as WhatsApp Manager shows it.');

const name = text('Give the channel a name.', 80);
const apiBaseUrl = z.url({ protocol: /^https?$/, error: 'Enter a full http(s):// URL.' }).max(300, 'Use at most 300 characters.');
const accessToken = text('Enter the access token.', 2048);
const appSecret = text('Enter the app secret.', 256);
const verifyToken = z
  .string({ error: 'Choose a verify token.' })
  .trim()
  .min(8, 'Use at least 8 characters.')
  .max(200, 'Use at most 200 characters.');
const sendRatePerSecond = z.coerce
  .number({ error: 'Enter a number from 1 to 1000.' })
  .int('Enter a whole number.')
  .min(1, 'Send at least 1 message per second.')
  .max(1000, 'Meta allows at most 1000 messages per second.');
const messagingLimit = z.enum(messagingLimits, { error: `Choose one of ${messagingLimits.join(', ')}.` });

const cloudFields = {
  name,
  phoneNumberId: metaId('Enter the phone number ID.'),
  wabaId: metaId('Enter the WhatsApp Business Account ID.'),
  accessToken,
  appSecret,
  verifyToken,
  apiBaseUrl: apiBaseUrl.optional(),
  sendRatePerSecond: sendRatePerSecond.default(80),
  messagingLimit: messagingLimit.optional(),
};

const wabotFields = {
  name,
  apiBaseUrl,
  instanceId: text('Enter the instance ID.', 200),
  accessToken,
};

export const cloudChannelInputSchema = z.object({ type: z.literal('cloud'), ...cloudFields });
export const wabotChannelInputSchema = z.object({ type: z.literal('wabot'), ...wabotFields });

export const channelCreateSchema = z.discriminatedUnion('type', [cloudChannelInputSchema, wabotChannelInputSchema], {
  error: 'Choose cloud or wabot.',
});
export type ChannelCreateInput = z.infer<typeof channelCreateSchema>;

// PATCH: every field optional; a secret is replaced only when given. `type` may be sent but
// must match the channel's. Which fields apply depends on the stored type (see updateChannel).
export const channelUpdateSchema = z.object({
  type: z.enum(['cloud', 'sandbox', 'wabot'], { error: 'Choose cloud or wabot.' }).optional(),
  name: name.optional(),
  phoneNumberId: cloudFields.phoneNumberId.optional(),
  wabaId: cloudFields.wabaId.optional(),
  accessToken: accessToken.optional(),
  appSecret: appSecret.optional(),
  verifyToken: verifyToken.optional(),
  apiBaseUrl: apiBaseUrl.optional(),
  sendRatePerSecond: sendRatePerSecond.optional(),
  messagingLimit: messagingLimit.optional(),
  instanceId: wabotFields.instanceId.optional(),
});
export type ChannelUpdateInput = z.infer<typeof channelUpdateSchema>;

export const updatableFields = {
  cloud: ['name', 'phoneNumberId', 'wabaId', 'accessToken', 'appSecret', 'verifyToken', 'apiBaseUrl', 'sendRatePerSecond', 'messagingLimit'],
  wabot: ['name', 'apiBaseUrl', 'instanceId', 'accessToken'],
  sandbox: ['name'],
} as const satisfies Record<string, readonly (keyof ChannelUpdateInput)[]>;
