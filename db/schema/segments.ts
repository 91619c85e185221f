import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SegmentCriteria } from '@/lib/segments/filter-schema';
import { tenants } from './tenants';
import { users } from './users';

// A saved audience. Dynamic: the criteria are evaluated each time the segment is used.
export const segments = pgTable(
  'segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    // { filter: tree }, validated by segmentCriteriaSchema before it is stored.
    criteria: jsonb('criteria').$type<SegmentCriteria>().notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('segments_tenant_created_idx').on(t.tenantId, t.createdAt)],
);

export type Segment = typeof segments.$inferSelect;
