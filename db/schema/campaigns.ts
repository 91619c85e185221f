import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channels } from './channels';
import { messages } from './messaging';
import { tenants } from './tenants';
import { users } from './users';

export const campaignTypes = ['marketing', 'service'] as const;
export const campaignStatuses = ['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

// Who a campaign is for: segments (evaluated at launch), hand-picked customers, exclusions.
export interface CampaignAudience {
  segmentIds?: string[];
  customerIds?: string[];
  excludeCustomerIds?: string[];
}

// Free-form text (with {{customer_name}}-style variables) and optional media, or an approved
// template with its parameters mapped (literal text or a variable).
export type CampaignMessage =
  | { text: string; mediaId?: string }
  | { templateId: string; parameters: string[] };

// Automated campaigns run on a trigger instead of a date.
export type CampaignTrigger =
  | { type: 'birthday' }
  | { type: 'inactive'; days: number }
  | { type: 'tier_up'; tier?: 'silver' | 'gold' | 'platinum' };

export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    objective: text('objective'),
    type: text('type', { enum: campaignTypes }).notNull(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    status: text('status', { enum: campaignStatuses }).notNull().default('draft'),
    audience: jsonb('audience').$type<CampaignAudience>().notNull().default({}),
    message: jsonb('message').$type<CampaignMessage>().notNull(),
    // Null for a one-off campaign; set for an automated one.
    trigger: jsonb('trigger').$type<CampaignTrigger>(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    // Nothing more is sent after this.
    endsAt: timestamp('ends_at', { withTimezone: true }),
    // Conversions: a purchase by the recipient within this many days after delivery.
    attributionDays: integer('attribution_days').notNull().default(7),
    launchedAt: timestamp('launched_at', { withTimezone: true }),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaigns_tenant_created_idx').on(t.tenantId, t.createdAt),
    index('campaigns_status_scheduled_idx').on(t.status, t.scheduledAt),
  ],
);

// queued → sending → sent → delivered → read, or failed / skipped (with a reason).
export const recipientStatuses = ['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'skipped'] as const;
export type RecipientStatus = (typeof recipientStatuses)[number];

// One row per customer per campaign (per occurrence for automated campaigns): the send queue
// and the tracking record. Its id is the idempotency key of the send.
//
// tenant_id and customer_id deliberately have NO foreign key. The launch fan-out inserts up to
// 500,000 rows in one INSERT … SELECT, and each FK check is a per-row lookup that takes FOR KEY
// SHARE on the customer (and tenant) row: EXPLAIN ANALYZE put ~60 % of the insert in FK checks,
// and without these two the insert took 24 s instead of 51 s (bench:campaign, PostgreSQL, under
// load). The rows are removed instead by: a campaign's deletion (campaign_id cascades, so a
// tenant's deletion too, through campaigns) and deleteCustomers (lib/customers/delete.ts, the
// only place customers are deleted), which deletes the customers' recipients (and their links,
// by cascade) in the same transaction. Any new way of deleting customers must do the same.
export const campaignRecipients = pgTable(
  'campaign_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').notNull(),
    // '' for one-off campaigns; e.g. '2026' for a birthday campaign, so each year sends once.
    occurrence: text('occurrence').notNull().default(''),
    status: text('status', { enum: recipientStatuses }).notNull().default('queued'),
    // Why skipped or failed, in words (e.g. 'opted_out', 'no_consent', 'window_closed').
    reason: text('reason'),
    errorCode: integer('error_code'),
    errorTitle: text('error_title'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    // The outbound message this recipient became (its wamid and statuses live there too).
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'set null' }),
    renderedText: text('rendered_text'),
    queuedAt: timestamp('queued_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    clickedAt: timestamp('clicked_at', { withTimezone: true }),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    conversionPurchaseId: uuid('conversion_purchase_id'),
  },
  (t) => [
    uniqueIndex('campaign_recipients_campaign_customer_uq').on(t.campaignId, t.customerId, t.occurrence),
    index('campaign_recipients_campaign_status_idx').on(t.campaignId, t.status, t.id),
    index('campaign_recipients_tenant_customer_idx').on(t.tenantId, t.customerId),
    index('campaign_recipients_message_idx').on(t.messageId).where(sql`message_id is not null`),
  ],
);

// Per-recipient tracked links: /l/{code} redirects to url and counts the click.
export const links = pgTable(
  'links',
  {
    code: text('code').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id').references(() => campaignRecipients.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    clickCount: integer('click_count').notNull().default(0),
    firstClickedAt: timestamp('first_clicked_at', { withTimezone: true }),
    lastClickedAt: timestamp('last_clicked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('links_recipient_idx').on(t.recipientId)],
);

// Pacing shared by every process: each send reserves the channel's next slot
// (next_slot_at advances by 1/sendRatePerSecond), so N nodes together keep the rate.
export const channelSendPacing = pgTable('channel_send_pacing', {
  channelId: uuid('channel_id')
    .primaryKey()
    .references(() => channels.id, { onDelete: 'cascade' }),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  nextSlotAt: timestamp('next_slot_at', { withTimezone: true, precision: 6 }).notNull().defaultNow(),
});

export type Campaign = typeof campaigns.$inferSelect;
export type CampaignRecipient = typeof campaignRecipients.$inferSelect;
export type Link = typeof links.$inferSelect;
