import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { tenantSettings, tenants } from '@/db/schema';
import { ensureSandboxChannel } from '@/lib/channels/sandbox';
import { ensureDefaultNotice } from '@/lib/consent/notices';
import { AppError } from '@/lib/errors';
import { ensureDefaultTierRules } from '@/lib/purchases/tier-settings';

// Creates a new tenant's defaults: settings, the sandbox WhatsApp channel, version 1 of the
// consent notice and the loyalty tier thresholds. Runs as a
// background job, so it must be safe to run again after a retry or a duplicate delivery: it
// only fills in what is missing.
export async function provisionTenant(db: Database, { tenantId }: { tenantId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
    if (!tenant) throw new AppError('not_found', `Tenant ${tenantId} does not exist.`);
    await tx.insert(tenantSettings).values({ tenantId, brandName: tenant.name }).onConflictDoNothing();
    await ensureSandboxChannel(tx, tenantId);
    await ensureDefaultNotice(tx, tenantId);
    await ensureDefaultTierRules(tx, tenantId);
    await tx
      .update(tenants)
      .set({ provisionedAt: sql`now()` })
      .where(and(eq(tenants.id, tenantId), isNull(tenants.provisionedAt)));
  });
}
