import { type SQL, and, desc, eq, ilike, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { type Customer, customers } from '@/db/schema';
import { afterCursor, type Cursor, listQuerySchema } from '@/lib/api/pagination';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenants/context';
import { toE164 } from './phone';

// What the API and the dashboard show of a customer (camelCase, ISO dates).
export function customerJson(row: Customer) {
  return {
    id: row.id,
    name: row.name,
    profileName: row.profileName,
    phone: row.phone,
    waId: row.waId,
    createdAt: row.createdAt.toISOString(),
    lastInteractionAt: row.lastInteractionAt?.toISOString() ?? null,
    messageCount: row.inboundCount + row.outboundCount,
    inboundCount: row.inboundCount,
    outboundCount: row.outboundCount,
  };
}
export type CustomerJson = ReturnType<typeof customerJson>;

// `%` and `_` typed into a search box are text, not wildcards.
export function likePattern(search: string): string {
  return `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function customerSearch(search: string): SQL | undefined {
  const pattern = likePattern(search);
  return or(ilike(customers.name, pattern), ilike(customers.profileName, pattern), ilike(customers.phone, pattern), ilike(customers.waId, pattern));
}

export const customerListQuerySchema = listQuerySchema.extend({
  phone: z.string().trim().min(1).max(40).optional().describe('Finds the customer with this number, written any way (e.g. +60123456789).'),
  search: z.string().trim().max(100).optional().describe('Part of the name, profile name or number.'),
});

interface CustomerListOptions {
  limit: number;
  after?: Cursor | null;
  // Any way a person writes a number ("012-345 6789", "+60123456789"); matched as E.164.
  phone?: string;
  search?: string;
}

// Newest first. Callers fetch limit + 1 rows for lib/api/pagination's page().
export async function listCustomers(db: Database, ctx: TenantContext, options: CustomerListOptions): Promise<Customer[]> {
  let phone: string | undefined;
  if (options.phone !== undefined) {
    const normalized = toE164(options.phone);
    if (!normalized) throw AppError.field('validation', 'phone', 'Not a valid phone number; write it with the country code, e.g. +60123456789.');
    phone = normalized;
  }
  const after = options.after;
  return db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, ctx.tenantId),
        phone ? eq(customers.phone, phone) : undefined,
        options.search?.trim() ? customerSearch(options.search) : undefined,
        afterCursor(customers.createdAt, customers.id, after, 'desc'),
      ),
    )
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(options.limit);
}

export async function getCustomer(db: Database, ctx: TenantContext, id: string): Promise<Customer> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, id)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'No customer with that id.');
  return row;
}
