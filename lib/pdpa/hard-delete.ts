import type { Database } from '@/db';
import { getCustomer } from '@/lib/customers/customers';
import { deleteCustomers } from '@/lib/customers/delete';
import { requireRole } from '@/lib/members/members';
import type { ObjectStorage } from '@/lib/storage';
import type { TenantContext } from '@/lib/tenants/context';

// DELETE /api/v1/customers/:id: erasure by hard delete. deleteCustomers removes the customer with
// everything that cascades, their files and the raw webhook deliveries naming them. Unlike the
// bulk delete, an unknown id answers not found.
export async function hardDeleteCustomer(db: Database, ctx: TenantContext, customerId: string, deps: { storage?: ObjectStorage } = {}): Promise<void> {
  requireRole(ctx, 'admin');
  const customer = await getCustomer(db, ctx, customerId);
  await deleteCustomers(db, ctx, [customer.id], deps);
}
