import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { campaignRecipients, customers, media, messages } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { deleteWebhookEventsMentioning, whatsAppIdentifiers } from '@/lib/pdpa/webhook-erasure';
import { messageMediaFiles } from '@/lib/pdpa/media-erasure';
import { type ObjectStorage, getStorage } from '@/lib/storage';
import { type TenantContext, hasRole } from '@/lib/tenants/context';
import { deleteSandboxMedia } from '@/lib/whatsapp/sandbox/media-store';

export const MAX_CUSTOMERS_PER_DELETE = 500;

export const bulkDeleteInputSchema = z.object({
  customerIds: z.array(z.uuid()).min(1).max(MAX_CUSTOMERS_PER_DELETE).describe('Customers to delete for good; unknown ids and those of other tenants are skipped'),
});

const uuid = z.uuid();

const FILE_REMOVALS_AT_ONCE = 16;

const log = logger.child({ module: 'customers.delete' });

export interface StoredFile {
  tenantId: string;
  storageKey: string | null;
  // The simulator's upload, kept as Meta keeps one, for media that came through the sandbox.
  sandboxMediaId: string | null;
}

// Hard delete (PDPA erasure): the customers and everything that cascades from them
// (conversations, messages, consent history, flags), their campaign recipients and tracked links,
// their media rows and stored files and the raw webhook deliveries that name them, in one
// transaction with an audit entry that holds only the count. Ids of another tenant, unknown or
// repeated ids are simply not deleted. Stored files go after the rows, so a failed transaction
// never leaves a customer whose files are gone; a file that cannot be removed is logged by key.
export async function deleteCustomers(
  db: Database,
  ctx: TenantContext,
  customerIds: readonly string[],
  deps: { storage?: ObjectStorage } = {},
): Promise<{ deleted: number }> {
  if (!hasRole(ctx, 'admin')) throw new AppError('forbidden', 'Deleting customers needs the admin role or higher.');
  // A malformed id cannot name anything of the tenant's, like an unknown one.
  const ids = [...new Set(customerIds)].filter((id) => uuid.safeParse(id).success);
  if (ids.length === 0) return { deleted: 0 };
  if (ids.length > MAX_CUSTOMERS_PER_DELETE) {
    throw AppError.field('validation', 'customerIds', `Delete at most ${MAX_CUSTOMERS_PER_DELETE} customers at a time.`);
  }

  const { deleted, files } = await db.transaction(async (tx) => {
    // consent_events refuses deletes except inside an erasure (migration 0003).
    await tx.execute(sql`select set_config('sembang.erasure', 'on', true)`);
    const files = await messageMediaFiles(tx, ctx.tenantId, inArray(messages.customerId, ids));
    const named = await tx
      .select({ phone: customers.phone, waId: customers.waId, waUserId: customers.waUserId })
      .from(customers)
      .where(and(eq(customers.tenantId, ctx.tenantId), inArray(customers.id, ids)));
    await deleteWebhookEventsMentioning(tx, ctx.tenantId, named.flatMap(whatsAppIdentifiers));
    // No foreign key cascades these (db/schema/campaigns.ts says why); their links go by cascade.
    await tx.delete(campaignRecipients).where(and(eq(campaignRecipients.tenantId, ctx.tenantId), inArray(campaignRecipients.customerId, ids)));
    const removed = await tx
      .delete(customers)
      .where(and(eq(customers.tenantId, ctx.tenantId), inArray(customers.id, ids)))
      .returning({ id: customers.id });
    if (files.length > 0) await tx.delete(media).where(and(eq(media.tenantId, ctx.tenantId), inArray(media.id, files.map((f) => f.id))));
    await recordAudit(tx, ctx, { action: 'customers.deleted', targetType: 'customer', metadata: { count: removed.length } });
    return { deleted: removed.length, files };
  });

  if (files.length > 0) await removeFiles(files, deps.storage ?? getStorage());
  return { deleted };
}

// A few at a time: a bulk delete may name thousands of files. Also used by anonymisation and
// retention (lib/pdpa), which keep the rows but erase the files.
export async function removeFiles(files: StoredFile[], storage: ObjectStorage): Promise<void> {
  const removals: { key: string; run: () => Promise<void> }[] = [];
  for (const { tenantId, storageKey, sandboxMediaId } of files) {
    if (storageKey) removals.push({ key: storageKey, run: () => storage.delete(storageKey) });
    if (sandboxMediaId) removals.push({ key: `sandbox media ${sandboxMediaId}`, run: () => deleteSandboxMedia(tenantId, sandboxMediaId, storage) });
  }
  for (let i = 0; i < removals.length; i += FILE_REMOVALS_AT_ONCE) {
    const batch = removals.slice(i, i + FILE_REMOVALS_AT_ONCE);
    const results = await Promise.allSettled(batch.map((r) => r.run()));
    results.forEach((result, j) => {
      if (result.status === 'rejected') log.error({ key: batch[j]?.key, err: String(result.reason) }, 'erased media file could not be removed');
    });
  }
}
