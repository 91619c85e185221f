import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    index('customers_tenant_created_idx').on(t.tenantId, t.createdAt),
  ],
);

export type Customer = typeof customers.$inferSelect;
