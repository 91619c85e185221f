import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { messages } from './messaging';
import { tenants } from './tenants';
import { users } from './users';

export const consentStatuses = ['unknown', 'pending', 'granted', 'withdrawn'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

// `notice`: the consent notice was sent (status pending). The others record an answer or a
// change: a typed keyword, a tapped button, Meta's marketing opt-out, a team member, an import,
// the REST API.
export const consentSources = ['notice', 'keyword', 'button', 'meta_opt_out', 'admin', 'import', 'api'] as const;
export type ConsentSource = (typeof consentSources)[number];

// Append-only evidence of every consent change (PDPA s.38/s.43). The database refuses UPDATE and
// DELETE on it (trigger in migration 0002) except inside an erasure of the customer, which sets
// `sembang.erasure` for its transaction.
export const consentEvents = pgTable(
  'consent_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    status: text('status', { enum: consentStatuses }).notNull(),
    source: text('source', { enum: consentSources }).notNull(),
    // The word or button that decided it (e.g. 'YA', 'STOP'), when there was one.
    keyword: text('keyword'),
    evidenceMessageId: uuid('evidence_message_id').references(() => messages.id, { onDelete: 'set null' }),
    noticeVersion: integer('notice_version'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    // Required for manual changes (dashboard, API, import).
    reason: text('reason'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('consent_events_customer_idx').on(t.tenantId, t.customerId, t.occurredAt),
    // The analytics refresh recounts a tenant's days (lib/analytics/refresh).
    index('consent_events_tenant_occurred_idx').on(t.tenantId, t.occurredAt),
  ],
);

// Versioned consent notice texts. The newest version is the one sent; older ones stay as the
// evidence of what a customer was shown.
export const consentNotices = pgTable(
  'consent_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    // Templates with {{name}} and {{brand}}; zh is optional.
    bodyMs: text('body_ms').notNull(),
    bodyEn: text('body_en').notNull(),
    bodyZh: text('body_zh'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('consent_notices_tenant_version_uq').on(t.tenantId, t.version)],
);

// Something about a customer a person must look at, e.g. an IC number already held by another
// customer of the tenant (never merged silently).
export const customerFlags = pgTable(
  'customer_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['duplicate_ic'] }).notNull(),
    otherCustomerId: uuid('other_customer_id').references(() => customers.id, { onDelete: 'set null' }),
    // The claimed IC, sealed like customers.ic_encrypted.
    icEncrypted: text('ic_encrypted'),
    evidenceMessageId: uuid('evidence_message_id').references(() => messages.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['open', 'resolved', 'dismissed'] }).notNull().default('open'),
    resolvedByUserId: uuid('resolved_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('customer_flags_tenant_status_idx').on(t.tenantId, t.status, t.createdAt)],
);

// Data-subject requests (PDPA access, correction, erasure, portability, withdrawal), answered
// within 21 days. The subject label survives the customer's erasure.
export const dataSubjectRequests = pgTable(
  'data_subject_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    subjectLabel: text('subject_label').notNull(),
    kind: text('kind', { enum: ['access', 'correction', 'erasure', 'portability', 'withdrawal'] }).notNull(),
    status: text('status', { enum: ['open', 'completed', 'rejected'] }).notNull().default('open'),
    notes: text('notes'),
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    handledByUserId: uuid('handled_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('data_subject_requests_tenant_idx').on(t.tenantId, t.status, t.dueAt)],
);

// Personal-data breaches with the 72-hour notification clock (PDPA 2024 amendment, s.12B).
export const breachIncidents = pgTable(
  'breach_incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    affectedCount: integer('affected_count'),
    dataKinds: jsonb('data_kinds').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    discoveredAt: timestamp('discovered_at', { withTimezone: true }).notNull(),
    notifyBy: timestamp('notify_by', { withTimezone: true }).notNull(),
    commissionerNotifiedAt: timestamp('commissioner_notified_at', { withTimezone: true }),
    subjectsNotifiedAt: timestamp('subjects_notified_at', { withTimezone: true }),
    status: text('status', { enum: ['open', 'notified', 'closed'] }).notNull().default('open'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('breach_incidents_tenant_idx').on(t.tenantId, t.createdAt)],
);

export type ConsentEvent = typeof consentEvents.$inferSelect;
export type ConsentNotice = typeof consentNotices.$inferSelect;
export type CustomerFlag = typeof customerFlags.$inferSelect;
export type DataSubjectRequest = typeof dataSubjectRequests.$inferSelect;
export type BreachIncident = typeof breachIncidents.$inferSelect;
