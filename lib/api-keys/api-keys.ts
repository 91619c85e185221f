import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { apiKeys, tenants } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { randomToken, sha256 } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenants/context';
import { requireRole } from '@/lib/members/members';

const PREFIX = 'sbg_';
// Writing last_used_at on every request would turn reads into writes; once a minute is enough.
const LAST_USED_RESOLUTION_MS = 60_000;

export const apiKeyInputSchema = z.object({ name: z.string().trim().min(1, 'Give the key a name.').max(80, 'Use at most 80 characters.') });

// The secret is returned once; only its SHA-256 is stored (it has 238 bits of entropy, so a
// slow hash adds nothing).
export async function createApiKey(db: Database, ctx: TenantContext, input: z.infer<typeof apiKeyInputSchema>) {
  requireRole(ctx, 'admin');
  const secret = `${PREFIX}${randomToken(40)}`;
  const [row] = await db
    .insert(apiKeys)
    .values({ tenantId: ctx.tenantId, name: input.name, prefix: secret.slice(0, 10), keyHash: sha256(secret), createdBy: ctx.userId })
    .returning();
  if (!row) throw new Error('api key insert returned nothing');
  await recordAudit(db, ctx, { action: 'api_key.created', targetType: 'api_key', targetId: row.id, metadata: { name: input.name } });
  return { apiKey: publicApiKey(row), secret };
}

function publicApiKey(row: typeof apiKeys.$inferSelect) {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt };
}

export async function listApiKeys(db: Database, ctx: TenantContext) {
  requireRole(ctx, 'admin');
  const rows = await db.select().from(apiKeys).where(eq(apiKeys.tenantId, ctx.tenantId)).orderBy(desc(apiKeys.createdAt));
  return rows.map(publicApiKey);
}

export async function revokeApiKey(db: Database, ctx: TenantContext, id: string) {
  requireRole(ctx, 'admin');
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  if (!row) throw new AppError('not_found', 'No active API key with that id.');
  await recordAudit(db, ctx, { action: 'api_key.revoked', targetType: 'api_key', targetId: id });
}

// Bearer key → tenant context with admin rights, or null for a missing, unknown or revoked key.
export async function authenticateApiKey(db: Database, secret: string): Promise<TenantContext | null> {
  if (!secret.startsWith(PREFIX) || secret.length > 100) return null;
  const [row] = await db
    .select({ id: apiKeys.id, tenantId: apiKeys.tenantId, tenantName: tenants.name, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
    .where(and(eq(apiKeys.keyHash, sha256(secret)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  const stale = new Date(Date.now() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < stale) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: new Date() })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
  }
  return { tenantId: row.tenantId, tenantName: row.tenantName, role: 'admin', userId: null, apiKeyId: row.id };
}
