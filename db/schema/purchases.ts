import { sql } from 'drizzle-orm';
import { boolean, date, index, jsonb, numeric, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { media, messages } from './messaging';
import { tenants } from './tenants';
import { users } from './users';

export const tiers = ['bronze', 'silver', 'gold', 'platinum'] as const;
export type Tier = (typeof tiers)[number];

export interface PurchaseItem {
  name: string;
  quantity: number;
  // Decimal string with two places, e.g. "12.50".
  amount: string;
}

export const ocrKinds = ['ic_card', 'receipt', 'unknown'] as const;
// queued → processing → completed (applied automatically) | review (a person decides:
// approved | rejected) | failed (with a reason).
export const ocrStatuses = ['queued', 'processing', 'completed', 'review', 'approved', 'rejected', 'failed'] as const;

// Every OCR attempt: what was read, how sure we were, what it led to.
export const ocrJobs = pgTable(
  'ocr_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    mediaId: uuid('media_id').references(() => media.id, { onDelete: 'set null' }),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'set null' }),
    source: text('source', { enum: ['whatsapp', 'api', 'dashboard'] }).notNull(),
    status: text('status', { enum: ocrStatuses }).notNull().default('queued'),
    kind: text('kind', { enum: ocrKinds }),
    // sha256 of the file's bytes: the same image sent twice is a duplicate.
    fileSha256: text('file_sha256'),
    text: text('text'),
    confidence: real('confidence'),
    extracted: jsonb('extracted').$type<Record<string, unknown>>(),
    failureReason: text('failure_reason'),
    // { preprocessMs, ocrMs, extractMs, totalMs }
    timings: jsonb('timings').$type<Record<string, number>>(),
    purchaseId: uuid('purchase_id'),
    reviewedByUserId: uuid('reviewed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('ocr_jobs_tenant_created_idx').on(t.tenantId, t.createdAt),
    index('ocr_jobs_tenant_status_idx').on(t.tenantId, t.status, t.createdAt),
    index('ocr_jobs_tenant_sha_idx').on(t.tenantId, t.fileSha256),
  ],
);

export const purchases = pgTable(
  'purchases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    source: text('source', { enum: ['receipt', 'manual', 'api', 'import'] }).notNull(),
    merchant: text('merchant'),
    // The day on the receipt (a Malaysian calendar day).
    purchasedOn: date('purchased_on', { mode: 'string' }).notNull(),
    currency: text('currency').notNull().default('MYR'),
    total: numeric('total', { precision: 12, scale: 2 }).notNull(),
    tax: numeric('tax', { precision: 12, scale: 2 }),
    rounding: numeric('rounding', { precision: 12, scale: 2 }),
    items: jsonb('items').$type<PurchaseItem[]>().notNull().default(sql`'[]'::jsonb`),
    receiptNumber: text('receipt_number'),
    paymentMethod: text('payment_method'),
    // Normalised merchant + date + total + receipt number: the same receipt twice is refused.
    receiptFingerprint: text('receipt_fingerprint'),
    receiptMediaId: uuid('receipt_media_id').references(() => media.id, { onDelete: 'set null' }),
    ocrJobId: uuid('ocr_job_id'),
    confidence: real('confidence'),
    // POST /api/v1/customers/:id/purchases with an Idempotency-Key header.
    idempotencyKey: text('idempotency_key'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('purchases_customer_idx').on(t.tenantId, t.customerId, t.purchasedOn),
    index('purchases_tenant_day_idx').on(t.tenantId, t.purchasedOn),
    uniqueIndex('purchases_tenant_fingerprint_uq').on(t.tenantId, t.receiptFingerprint).where(sql`receipt_fingerprint is not null`),
    uniqueIndex('purchases_tenant_idempotency_uq').on(t.tenantId, t.idempotencyKey).where(sql`idempotency_key is not null`),
  ],
);

// Spend thresholds per tier; Bronze is the floor (0).
export const tierRules = pgTable(
  'tier_rules',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    tier: text('tier', { enum: tiers }).notNull(),
    minSpend: numeric('min_spend', { precision: 12, scale: 2 }).notNull(),
  },
  (t) => [uniqueIndex('tier_rules_tenant_tier_uq').on(t.tenantId, t.tier)],
);

export const tierChanges = pgTable(
  'tier_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    fromTier: text('from_tier', { enum: tiers }),
    toTier: text('to_tier', { enum: tiers }).notNull(),
    // The spend (on the tenant's basis) that decided it.
    spend: numeric('spend', { precision: 12, scale: 2 }).notNull(),
    notified: boolean('notified').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('tier_changes_customer_idx').on(t.tenantId, t.customerId, t.createdAt)],
);

export type OcrJob = typeof ocrJobs.$inferSelect;
export type Purchase = typeof purchases.$inferSelect;
export type TierRule = typeof tierRules.$inferSelect;
export type TierChange = typeof tierChanges.$inferSelect;
