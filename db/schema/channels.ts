import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';

export const channelTypes = ['cloud', 'sandbox', 'wabot'] as const;
export type ChannelType = (typeof channelTypes)[number];

// Meta's tiers of unique users a business may start conversations with per rolling 24 h.
export const messagingLimits = ['250', '2000', '10000', '100000', 'unlimited'] as const;

// A WhatsApp number the tenant talks through. Secrets are AES-256-GCM ciphertexts
// (lib/crypto); the verify token is kept only as a SHA-256 hash.
export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    type: text('type', { enum: channelTypes }).notNull(),
    name: text('name').notNull(),
    // Meta's phone number id (cloud), or a generated one for the sandbox; webhooks route on it.
    phoneNumberId: text('phone_number_id'),
    wabaId: text('waba_id'),
    displayPhoneNumber: text('display_phone_number'),
    // Graph API base URL with version (cloud) or the gateway base URL (wabot).
    apiBaseUrl: text('api_base_url'),
    accessTokenEnc: text('access_token_enc'),
    appSecretEnc: text('app_secret_enc'),
    verifyTokenHash: text('verify_token_hash'),
    wabotInstanceId: text('wabot_instance_id'),
    sendRatePerSecond: integer('send_rate_per_second').notNull().default(80),
    messagingLimit: text('messaging_limit', { enum: messagingLimits }).notNull().default('250'),
    verifiedName: text('verified_name'),
    qualityRating: text('quality_rating'),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('channels_phone_number_id_uq').on(t.phoneNumberId),
    index('channels_verify_token_hash_idx').on(t.verifyTokenHash),
    index('channels_tenant_idx').on(t.tenantId),
  ],
);

export type Channel = typeof channels.$inferSelect;
