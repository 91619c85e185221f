import { sql } from 'drizzle-orm';
import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';

// A person the tenant talks to. Identified by WhatsApp id and/or Meta's business-scoped user
// id (which may arrive without a phone number), never by the phone number alone.
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    // E.164, e.g. +60123456789.
    phone: text('phone'),
    waId: text('wa_id'),
    waUserId: text('wa_user_id'),
    name: text('name').notNull(),
    profileName: text('profile_name'),
    language: text('language', { enum: ['ms', 'en', 'zh'] }),
    // MyKad (lib/mykad): AES-256-GCM sealed number, keyed hash for look-up and de-duplication,
    // and the masked form (901231-01-****) for pages that must not decrypt.
    icEncrypted: text('ic_encrypted'),
    icHash: text('ic_hash'),
    icMasked: text('ic_masked'),
    // Age is computed from this when read, never stored.
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    gender: text('gender', { enum: ['M', 'F', 'NB'] }),
    maritalStatus: text('marital_status', { enum: ['single', 'married', 'divorced', 'widowed'] }),
    // ISO 3166-2:MY code of the birth state (MY-01 … MY-16) or null.
    state: text('state'),
    // Set for foreign place-of-birth codes (e.g. 'Singapore').
    birthCountry: text('birth_country'),
    city: text('city'),
    consentStatus: text('consent_status', { enum: ['unknown', 'pending', 'granted', 'withdrawn'] }).notNull().default('unknown'),
    consentUpdatedAt: timestamp('consent_updated_at', { withTimezone: true }),
    // The consent conversation: when the notice went out (and which version), the one reminder.
    consentRequestedAt: timestamp('consent_requested_at', { withTimezone: true }),
    consentNoticeVersion: integer('consent_notice_version'),
    consentReminderSentAt: timestamp('consent_reminder_sent_at', { withTimezone: true }),
    // When the information prompt (IC, gender, marital status) was sent after consent.
    profileRequestedAt: timestamp('profile_requested_at', { withTimezone: true }),
    anonymizedAt: timestamp('anonymized_at', { withTimezone: true }),
    // WhatsApp said the number cannot receive messages (error 131026); campaigns leave it out.
    undeliverableAt: timestamp('undeliverable_at', { withTimezone: true }),
    // Kept consistent with purchases by lib/purchases (same transaction as every change).
    totalSpent: numeric('total_spent', { precision: 12, scale: 2 }).notNull().default('0'),
    purchaseCount: integer('purchase_count').notNull().default(0),
    lastPurchaseAt: timestamp('last_purchase_at', { withTimezone: true }),
    tier: text('tier', { enum: ['bronze', 'silver', 'gold', 'platinum'] }).notNull().default('bronze'),
    lastInteractionAt: timestamp('last_interaction_at', { withTimezone: true }),
    inboundCount: integer('inbound_count').notNull().default(0),
    outboundCount: integer('outbound_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customers_tenant_wa_id_uq').on(t.tenantId, t.waId),
    uniqueIndex('customers_tenant_wa_user_id_uq').on(t.tenantId, t.waUserId),
    index('customers_tenant_phone_idx').on(t.tenantId, t.phone),
    // The customers list (lib/customers/list.ts): one (tenant, sort key, id) index per sort, so
    // every page, however deep, is an index range; the key expressions must match list-sort.ts.
    index('customers_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('customers_tenant_name_idx').on(t.tenantId, sql`lower(${t.name})`, t.id),
    index('customers_tenant_last_interaction_idx').on(t.tenantId, sql`coalesce(${t.lastInteractionAt}, '-infinity'::timestamptz)`, t.id),
    index('customers_tenant_inbound_idx').on(t.tenantId, t.inboundCount, t.id),
    index('customers_tenant_outbound_idx').on(t.tenantId, t.outboundCount, t.id),
    // Age sorts both ways with unknown ages last, hence two keys; the age filter uses the second.
    index('customers_tenant_born_desc_idx').on(t.tenantId, sql`coalesce(${t.dateOfBirth}, '-infinity'::date)`, t.id),
    index('customers_tenant_born_asc_idx').on(t.tenantId, sql`coalesce(${t.dateOfBirth}, 'infinity'::date)`, t.id),
    // Rare values (a small state, non-binary, widowed, withdrawn) are found here, not by walking a sort index.
    // The state index also carries what a typical segment asks (age, spend, consent), so a segment's
    // count over states, an age range and spend is one index-only range scan (lib/segments,
    // bench:campaign). No column a message changes is in it, so it costs what the plain state index did.
    index('customers_tenant_state_segment_idx').on(t.tenantId, t.state, t.dateOfBirth, t.totalSpent, t.consentStatus, t.anonymizedAt),
    index('customers_tenant_gender_idx').on(t.tenantId, t.gender),
    index('customers_tenant_marital_idx').on(t.tenantId, t.maritalStatus),
    index('customers_tenant_consent_idx').on(t.tenantId, t.consentStatus),
    // "Contains" search (pg_trgm, migration 0005): names and profile names, and phone digits.
    index('customers_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops'), t.profileName.op('gin_trgm_ops')),
    index('customers_phone_trgm_idx').using('gin', t.phone.op('gin_trgm_ops')),
    // One customer per IC within a tenant; a second claimant becomes a customer_flags row.
    uniqueIndex('customers_tenant_ic_hash_uq').on(t.tenantId, t.icHash).where(sql`ic_hash is not null`),
  ],
);

export type Customer = typeof customers.$inferSelect;
