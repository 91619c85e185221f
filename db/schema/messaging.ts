import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channels } from './channels';
import { customers } from './customers';
import { tenants } from './tenants';
import { users } from './users';

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
    assignedUserId: uuid('assigned_user_id').references(() => users.id, { onDelete: 'set null' }),
    // The customer's last inbound message opens the 24-hour customer-service window.
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastMessagePreview: text('last_message_preview'),
    unreadCount: integer('unread_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    // Our clock, moved by every change (message in or out, assignment, status, read); the
    // inbox polls on it because message times are Meta's and may be old when they arrive.
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('conversations_channel_customer_uq').on(t.channelId, t.customerId),
    index('conversations_tenant_last_message_idx').on(t.tenantId, t.lastMessageAt),
    index('conversations_tenant_updated_idx').on(t.tenantId, t.updatedAt),
  ],
);

export const messageDirections = ['inbound', 'outbound'] as const;
export const messageTypes = [
  'text',
  'image',
  'document',
  'sticker',
  'audio',
  'video',
  'location',
  'contacts',
  'interactive',
  'button',
  'reaction',
  'order',
  'system',
  'template',
  'unsupported',
] as const;
export type MessageType = (typeof messageTypes)[number];
// Outbound statuses in the order they may advance; inbound messages are 'received'.
export const messageStatuses = ['received', 'pending', 'sent', 'delivered', 'read', 'played', 'failed'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: messageDirections }).notNull(),
    type: text('type', { enum: messageTypes }).notNull(),
    // Body, caption or a one-line summary; what search and previews use.
    text: text('text'),
    // Type-specific details (location, contact cards, button titles, reaction, referral, …).
    content: jsonb('content').$type<Record<string, unknown>>().notNull().default({}),
    mediaId: uuid('media_id'),
    wamid: text('wamid'),
    replyToWamid: text('reply_to_wamid'),
    status: text('status', { enum: messageStatuses }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    errorCode: integer('error_code'),
    errorTitle: text('error_title'),
    sentByUserId: uuid('sent_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    // Inbound only: when the conversation automations (consent, profile, …) were done with it.
    // A customer's messages are handled in order, each once (lib/automation/handle-inbound).
    handledAt: timestamp('handled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // Meta delivers at least once: a wamid is stored once per channel.
    uniqueIndex('messages_channel_wamid_uq').on(t.channelId, t.wamid),
    index('messages_conversation_created_idx').on(t.conversationId, t.createdAt),
    index('messages_tenant_customer_created_idx').on(t.tenantId, t.customerId, t.createdAt),
    // The analytics refresh recounts a tenant's days (lib/analytics/refresh).
    index('messages_tenant_created_idx').on(t.tenantId, t.createdAt),
  ],
);

// Every webhook delivery, raw, kept before processing (the processing job reads it back).
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'cascade' }),
    payload: jsonb('payload').$type<unknown>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [index('webhook_events_tenant_received_idx').on(t.tenantId, t.receivedAt)],
);

export const mediaStatuses = ['pending', 'stored', 'failed'] as const;

export const media = pgTable(
  'media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'set null' }),
    providerMediaId: text('provider_media_id'),
    mimeType: text('mime_type'),
    sizeBytes: integer('size_bytes'),
    sha256: text('sha256'),
    fileName: text('file_name'),
    storageKey: text('storage_key'),
    status: text('status', { enum: mediaStatuses }).notNull().default('pending'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('media_tenant_idx').on(t.tenantId)],
);

export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type WebhookEvent = typeof webhookEvents.$inferSelect;
export type Media = typeof media.$inferSelect;
