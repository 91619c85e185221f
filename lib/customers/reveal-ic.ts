import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { type TenantContext, hasRole } from '@/lib/tenants/context';
import { unsealIc } from './ic';

// The full IC number, for owners and admins only (an API key acts as an admin). Each reveal is
// in the audit log before the number leaves the server (PDPA access logging, DESIGN §6).
export async function revealCustomerIc(db: Database, ctx: TenantContext, customerId: string): Promise<{ icNumber: string }> {
  if (!hasRole(ctx, 'admin')) throw new AppError('forbidden', 'Only owners and admins can see a full IC number.');
  const [row] = await db
    .select({ icEncrypted: customers.icEncrypted })
    .from(customers)
    .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, customerId)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'No customer with that id.');
  if (!row.icEncrypted) throw new AppError('not_found', 'This customer has no IC number on file.');
  const digits = unsealIc(row.icEncrypted);
  await recordAudit(db, ctx, { action: 'customer.ic_revealed', targetType: 'customer', targetId: customerId });
  return { icNumber: `${digits.slice(0, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}` };
}
