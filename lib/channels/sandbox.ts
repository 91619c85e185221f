import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { channels, tenants } from '@/db/schema';
import { encrypt, randomToken } from '@/lib/crypto';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

// The tenant's sandbox channel, made once. Its phone number id routes the simulator's
// Cloud-API-shaped webhooks like Meta's, and its app secret signs them, so the simulator
// goes through the same ingest path as a real number.
export async function ensureSandboxChannel(db: Database, tenantId: string): Promise<{ id: string; phoneNumberId: string }> {
  return db.transaction(async (tx) => {
    // No unique index says "one sandbox per tenant"; locking the tenant row serialises
    // concurrent runs (retried or duplicated provisioning jobs) instead.
    const [tenant] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId)).for('update');
    if (!tenant) throw new AppError('not_found', `Tenant ${tenantId} does not exist.`);
    const [existing] = await tx
      .select({ id: channels.id, phoneNumberId: channels.phoneNumberId })
      .from(channels)
      .where(and(eq(channels.tenantId, tenantId), eq(channels.type, 'sandbox')))
      .limit(1);
    if (existing?.phoneNumberId) return { id: existing.id, phoneNumberId: existing.phoneNumberId };
    const phoneNumberId = `sandbox-${randomToken(20)}`;
    const [row] = await tx
      .insert(channels)
      .values({
        tenantId,
        type: 'sandbox',
        name: 'Sandbox',
        phoneNumberId,
        appSecretEnc: encrypt(randomToken(40), getEnv().ENCRYPTION_KEY),
      })
      .returning({ id: channels.id });
    if (!row) throw new Error('sandbox channel insert returned nothing');
    return { id: row.id, phoneNumberId };
  });
}
