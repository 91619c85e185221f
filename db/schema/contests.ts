import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { messages } from './messaging';
import { tenants } from './tenants';
import { users } from './users';

export interface ContestPrize {
  name: string;
  quantity: number;
}

// How a customer enters: a keyword (matched case- and space-insensitively), any message during
// the contest (the seed's behaviour; off by default), or a receipt of at least minSpend (MYR,
// decimal string) read by the OCR purchase flow.
export type ContestEntryMethod =
  | { type: 'keyword'; keyword: string }
  | { type: 'any_message' }
  | { type: 'receipt'; minSpend: string };

export const contests = pgTable(
  'contests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    prizes: jsonb('prizes').$type<ContestPrize[]>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    maxEntriesPerCustomer: integer('max_entries_per_customer').notNull().default(1),
    termsUrl: text('terms_url'),
    entryMethod: jsonb('entry_method').$type<ContestEntryMethod>().notNull(),
    // The keyword normalised for look-up (upper case, single spaces); null for other methods.
    keyword: text('keyword'),
    requireConsent: boolean('require_consent').notNull().default(true),
    segmentId: uuid('segment_id'),
    onePrizePerCustomer: boolean('one_prize_per_customer').notNull().default(true),
    claimInstructions: text('claim_instructions'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contests_tenant_starts_idx').on(t.tenantId, t.startsAt),
    index('contests_tenant_keyword_idx').on(t.tenantId, t.keyword).where(sql`keyword is not null`),
  ],
);

export const contestEntryStatuses = ['valid', 'disqualified'] as const;

export const contestEntries = pgTable(
  'contest_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    // Short entry ID shown to the customer in the confirmation (e.g. 'RAYA-00042').
    code: text('code').notNull(),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'set null' }),
    // Receipt entries: the purchase that qualified (one entry per receipt).
    purchaseId: uuid('purchase_id'),
    status: text('status', { enum: contestEntryStatuses }).notNull().default('valid'),
    disqualifiedReason: text('disqualified_reason'),
    disqualifiedByUserId: uuid('disqualified_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contest_entries_contest_code_uq').on(t.contestId, t.code),
    uniqueIndex('contest_entries_contest_purchase_uq').on(t.contestId, t.purchaseId).where(sql`purchase_id is not null`),
    index('contest_entries_contest_customer_idx').on(t.contestId, t.customerId),
    index('contest_entries_tenant_created_idx').on(t.tenantId, t.createdAt),
    index('contest_entries_tenant_customer_idx').on(t.tenantId, t.customerId),
  ],
);

export interface ContestWinner {
  entryId: string;
  customerId: string;
  prize: string;
}

// The auditable draw: the commitment (sha256 of the sorted entry list and the secret seed) is
// recorded before winners are picked; the seed is published with the winners afterwards.
export const contestDraws = pgTable('contest_draws', {
  contestId: uuid('contest_id')
    .primaryKey()
    .references(() => contests.id, { onDelete: 'cascade' }),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  commitment: text('commitment').notNull(),
  // Secret until the draw is done (sealed with ENCRYPTION_KEY), then published in clear.
  seedEncrypted: text('seed_encrypted'),
  seed: text('seed'),
  entryCount: integer('entry_count').notNull(),
  winners: jsonb('winners').$type<ContestWinner[]>(),
  committedAt: timestamp('committed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  drawnAt: timestamp('drawn_at', { withTimezone: true, precision: 3 }),
  drawnByUserId: uuid('drawn_by_user_id').references(() => users.id, { onDelete: 'set null' }),
});

export const winnerClaimStatuses = ['pending', 'notified', 'claimed', 'forfeited'] as const;

export const contestWinners = pgTable(
  'contest_winners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => contestEntries.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    prize: text('prize').notNull(),
    position: integer('position').notNull(),
    claimStatus: text('claim_status', { enum: winnerClaimStatuses }).notNull().default('pending'),
    notificationMessageId: uuid('notification_message_id').references(() => messages.id, { onDelete: 'set null' }),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('contest_winners_contest_position_uq').on(t.contestId, t.position), uniqueIndex('contest_winners_entry_uq').on(t.entryId)],
);

export type Contest = typeof contests.$inferSelect;
export type ContestEntry = typeof contestEntries.$inferSelect;
export type ContestDraw = typeof contestDraws.$inferSelect;
