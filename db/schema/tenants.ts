import { relations } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { memberships } from './users';

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  // Set by the provisioning job once the tenant's defaults exist.
  provisionedAt: timestamp('provisioned_at', { withTimezone: true }),
});

// Per-tenant settings; later issues (PDPA, tiers, retention) add their columns here.
export const tenantSettings = pgTable('tenant_settings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  brandName: text('brand_name').notNull(),
  timezone: text('timezone').notNull().default('Asia/Kuala_Lumpur'),
  defaultLanguage: text('default_language', { enum: ['ms', 'en', 'zh'] }).notNull().default('ms'),
  consentReminderHours: integer('consent_reminder_hours').notNull().default(20),
  // Data protection officer shown in notices and exports.
  dpoName: text('dpo_name'),
  dpoEmail: text('dpo_email'),
  dpoPhone: text('dpo_phone'),
  // Retention (null = keep): message bodies older than N months are redacted; customers
  // inactive for N years are anonymised. Applied by the daily retention job.
  retentionMessageMonths: integer('retention_message_months'),
  retentionInactiveYears: integer('retention_inactive_years'),
  // Loyalty tiers (thresholds in tier_rules): spend over the customer's lifetime or the last
  // 12 months; optionally tell the customer on WhatsApp when they move up.
  tierBasis: text('tier_basis', { enum: ['lifetime', 'last_12_months'] }).notNull().default('lifetime'),
  tierUpMessage: boolean('tier_up_message').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const tenantsRelations = relations(tenants, ({ many, one }) => ({
  memberships: many(memberships),
  settings: one(tenantSettings),
}));

export type Tenant = typeof tenants.$inferSelect;
export type TenantSettings = typeof tenantSettings.$inferSelect;
