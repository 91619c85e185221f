import { date, integer, numeric, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns';
import { channels } from './channels';
import { contests } from './contests';
import { tenants } from './tenants';

// Daily rollups for the analytics pages (lib/analytics/refresh): one row per tenant and
// Malaysian calendar day (Asia/Kuala_Lumpur), recomputed from the raw tables by the refresh,
// so the pages never scan raw messages. Definitions of every figure: README § Analytics.

const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

// Messages and inbound threads per channel. A thread is a conversation's first inbound message
// of a day; it is answered when a team member replies within 24 hours.
export const analyticsMessageDays = pgTable(
  'analytics_message_days',
  {
    tenantId: tenantId(),
    day: date('day', { mode: 'string' }).notNull(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    messagesIn: integer('messages_in').notNull().default(0),
    messagesOut: integer('messages_out').notNull().default(0),
    threads: integer('threads').notNull().default(0),
    threadsAnswered: integer('threads_answered').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.channelId] })],
);

// First-response times of answered threads as a histogram (bucket = index into
// lib/analytics/response-buckets), because a median cannot be summed across days.
export const analyticsResponseTimes = pgTable(
  'analytics_response_times',
  {
    tenantId: tenantId(),
    day: date('day', { mode: 'string' }).notNull(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    bucket: smallint('bucket').notNull(),
    threads: integer('threads').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.channelId, t.bucket] })],
);

// Customers, consent and purchases per day (none of them has a channel).
export const analyticsDays = pgTable(
  'analytics_days',
  {
    tenantId: tenantId(),
    day: date('day', { mode: 'string' }).notNull(),
    newCustomers: integer('new_customers').notNull().default(0),
    noticesSent: integer('notices_sent').notNull().default(0),
    // The customer's own answer (keyword or button) while the notice was pending.
    consentAnswers: integer('consent_answers').notNull().default(0),
    consentAnswersGranted: integer('consent_answers_granted').notNull().default(0),
    // Every change to withdrawn (STOP, Meta's opt-out, a team member, the API).
    optOuts: integer('opt_outs').notNull().default(0),
    // Net change in customers whose consent is granted / withdrawn; summed from the first day
    // they give the counts on any day.
    grantedNet: integer('granted_net').notNull().default(0),
    withdrawnNet: integer('withdrawn_net').notNull().default(0),
    purchases: integer('purchases').notNull().default(0),
    revenue: numeric('revenue', { precision: 14, scale: 2 }).notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day] })],
);

export const analyticsMerchantDays = pgTable(
  'analytics_merchant_days',
  {
    tenantId: tenantId(),
    day: date('day', { mode: 'string' }).notNull(),
    merchant: text('merchant').notNull(),
    purchases: integer('purchases').notNull(),
    revenue: numeric('revenue', { precision: 14, scale: 2 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.merchant] })],
);

export const analyticsContestDays = pgTable(
  'analytics_contest_days',
  {
    tenantId: tenantId(),
    day: date('day', { mode: 'string' }).notNull(),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    entries: integer('entries').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.contestId] })],
);

// Each campaign's funnel from campaign_recipients, recounted while it can still change.
export const analyticsCampaignFunnels = pgTable(
  'analytics_campaign_funnels',
  {
    tenantId: tenantId(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    recipients: integer('recipients').notNull(),
    sent: integer('sent').notNull(),
    delivered: integer('delivered').notNull(),
    read: integer('read').notNull(),
    clicked: integer('clicked').notNull(),
    converted: integer('converted').notNull(),
    countedAt: timestamp('counted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.campaignId] })],
);

// Distributions of the customer base as it is now (demographics, engagement, lifetime value),
// replaced whole by each snapshot. `dimension` e.g. 'gender', `key` e.g. 'F'.
export const analyticsSnapshots = pgTable(
  'analytics_snapshots',
  {
    tenantId: tenantId(),
    dimension: text('dimension').notNull(),
    key: text('key').notNull(),
    customers: integer('customers').notNull(),
    // Lifetime spend of those customers (MYR), for the lifetime-value dimensions.
    spend: numeric('spend', { precision: 14, scale: 2 }).notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.dimension, t.key] })],
);

// When the tenant's rollups were last refreshed, and days a write outside the refresh window
// (a backdated receipt, a late webhook) made stale.
export const analyticsState = pgTable('analytics_state', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
  snapshotAt: timestamp('snapshot_at', { withTimezone: true }),
});

export const analyticsStaleDays = pgTable(
  'analytics_stale_days',
  {
    tenantId: tenantId(),
    day: date('day', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day] })],
);
