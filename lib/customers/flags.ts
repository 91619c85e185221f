import { and, desc, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db';
import { customerFlags, customers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { type TenantContext, hasRole } from '@/lib/tenants/context';

const claimant = alias(customers, 'claimant');
const holder = alias(customers, 'holder');

export interface CustomerFlagView {
  id: string;
  kind: 'duplicate_ic';
  // The customer who gave the IC number, and the one who already had it.
  claimant: { id: string; name: string };
  holder: { id: string; name: string } | null;
  createdAt: string;
}

// Open flags that concern the customer, from either side: an IC number they gave that another
// customer holds, or theirs given again by someone else.
export async function listOpenCustomerFlags(db: Database, ctx: TenantContext, customerId: string): Promise<CustomerFlagView[]> {
  const rows = await db
    .select({
      id: customerFlags.id,
      kind: customerFlags.kind,
      createdAt: customerFlags.createdAt,
      claimant: { id: claimant.id, name: claimant.name },
      holderId: holder.id,
      holderName: holder.name,
    })
    .from(customerFlags)
    .innerJoin(claimant, and(eq(claimant.tenantId, ctx.tenantId), eq(claimant.id, customerFlags.customerId)))
    .leftJoin(holder, and(eq(holder.tenantId, ctx.tenantId), eq(holder.id, customerFlags.otherCustomerId)))
    .where(
      and(
        eq(customerFlags.tenantId, ctx.tenantId),
        eq(customerFlags.status, 'open'),
        or(eq(customerFlags.customerId, customerId), eq(customerFlags.otherCustomerId, customerId)),
      ),
    )
    .orderBy(desc(customerFlags.createdAt), desc(customerFlags.id));
  return rows.map(({ holderId, holderName, ...r }) => ({
    ...r,
    holder: holderId && holderName !== null ? { id: holderId, name: holderName } : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

// Resolved: the team corrected the profiles; dismissed: nothing to correct. Owners and admins.
export async function closeCustomerFlag(db: Database, ctx: TenantContext, flagId: string, status: 'resolved' | 'dismissed'): Promise<void> {
  if (!hasRole(ctx, 'admin')) throw new AppError('forbidden', 'Only owners and admins can close a flag.');
  await db.transaction(async (tx) => {
    const [closed] = await tx
      .update(customerFlags)
      .set({ status, resolvedAt: new Date(), resolvedByUserId: ctx.userId })
      .where(and(eq(customerFlags.tenantId, ctx.tenantId), eq(customerFlags.id, flagId), eq(customerFlags.status, 'open')))
      .returning({ customerId: customerFlags.customerId });
    if (!closed) throw new AppError('not_found', 'No open flag with that id.');
    await recordAudit(tx, ctx, { action: `customer_flag.${status}`, targetType: 'customer', targetId: closed.customerId, metadata: { flagId } });
  });
}
