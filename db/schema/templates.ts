import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channels } from './channels';
import { tenants } from './tenants';

export const templateLanguages = ['ms', 'en', 'zh_CN'] as const;
export const templateCategories = ['marketing', 'utility', 'authentication'] as const;
export const templateStatuses = ['draft', 'pending', 'approved', 'rejected', 'paused', 'disabled'] as const;
export const templateHeaderTypes = ['none', 'text', 'image', 'video', 'document'] as const;

// A message template. Sandbox and wabot templates are local and count as approved; cloud
// templates are submitted to and synced from Meta, which decides their status.
export const templates = pgTable(
  'templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    language: text('language', { enum: templateLanguages }).notNull(),
    category: text('category', { enum: templateCategories }).notNull(),
    // Body text with positional parameters {{1}}, {{2}}, … as Meta requires.
    body: text('body').notNull(),
    headerType: text('header_type', { enum: templateHeaderTypes }).notNull().default('none'),
    headerText: text('header_text'),
    headerMediaId: uuid('header_media_id'),
    footer: text('footer'),
    buttons: jsonb('buttons').$type<{ type: 'quick_reply'; text: string }[]>().notNull().default([]),
    status: text('status', { enum: templateStatuses }).notNull().default('draft'),
    providerTemplateId: text('provider_template_id'),
    rejectionReason: text('rejection_reason'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('templates_tenant_channel_name_language_uq').on(t.tenantId, t.channelId, t.name, t.language),
    index('templates_tenant_idx').on(t.tenantId),
  ],
);

export type Template = typeof templates.$inferSelect;
