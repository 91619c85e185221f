import { type SQL, and, eq, ilike, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Customer, customers } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { ageOn } from '@/lib/mykad';
import { averageSpend } from '@/lib/purchases/money';
import type { TenantContext } from '@/lib/tenants/context';

// What the API and the dashboard show of a customer (camelCase, ISO dates). The IC number only
// ever appears masked here; revealing it in full is a separate, logged, owner/admin action.
export function customerJson(row: Customer, now: Date = new Date()) {
  return {
    id: row.id,
    name: row.name,
    profileName: row.profileName,
    phone: row.phone,
    waId: row.waId,
    icNumberMasked: row.icMasked,
    dateOfBirth: row.dateOfBirth,
    // Whole years today in Malaysia; computed when read, never stored.
    age: row.dateOfBirth ? ageOn(row.dateOfBirth, now) : null,
    gender: row.gender,
    maritalStatus: row.maritalStatus,
    state: row.state,
    birthCountry: row.birthCountry,
    city: row.city,
    consentStatus: row.consentStatus,
    language: row.language,
    createdAt: row.createdAt.toISOString(),
    lastInteractionAt: row.lastInteractionAt?.toISOString() ?? null,
    messageCount: row.inboundCount + row.outboundCount,
    inboundCount: row.inboundCount,
    outboundCount: row.outboundCount,
    // Kept consistent with the purchases by lib/purchases; money as "45.90".
    totalSpent: row.totalSpent,
    purchaseCount: row.purchaseCount,
    averageSpend: averageSpend(row.totalSpent, row.purchaseCount),
    lastPurchaseAt: row.lastPurchaseAt?.toISOString() ?? null,
    tier: row.tier,
  };
}
export type CustomerJson = ReturnType<typeof customerJson>;

// `%` and `_` typed into a search box are text, not wildcards.
export function likePattern(search: string): string {
  return `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// The inbox's customer match: name, profile name or any part of the number or WhatsApp id.
export function customerSearch(search: string): SQL | undefined {
  const pattern = likePattern(search);
  return or(ilike(customers.name, pattern), ilike(customers.profileName, pattern), ilike(customers.phone, pattern), ilike(customers.waId, pattern));
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
